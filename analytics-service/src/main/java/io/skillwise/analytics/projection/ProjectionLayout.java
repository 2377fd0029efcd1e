package io.skillwise.analytics.projection;

/**
 * The shape of the projection tables ({@code db/projection/projections.sql}). A release that changes them raises
 * {@link #CURRENT}: on start, an active version of an older layout is rebuilt into a new version of the current one
 * (the old one cannot answer the new code's queries, so answers are 503 until the new one is active).
 */
public final class ProjectionLayout {

    public static final int CURRENT = 2;

    private ProjectionLayout() {
    }
}
