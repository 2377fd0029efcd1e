package io.skillwise.notification;

import java.util.Objects;

/**
 * What a notification says, the same for every recipient of one delivery.
 *
 * @param title one line, shown in lists and as the mail's subject
 * @param text  a few sentences
 * @param link  where to go from here: a path of the API ({@code /api/v1/...}, made absolute in mail), or null
 */
public record Notice(NotificationKind kind, String title, String text, String link) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 2000;
    private static final int EXCERPT = 300;

    public Notice {
        Objects.requireNonNull(kind, "kind");
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a notice needs a title of 1 to " + MAX_TITLE + " characters");
        }
        if (text == null || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a notice needs a text of at most " + MAX_TEXT + " characters");
        }
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("a notice's link is a path of the API, e.g. /api/v1/courses/{id}");
        }
    }

    /** Quoted, on one line, cut at a word near {@value #EXCERPT} characters: what a notice quotes of a longer text. */
    public static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= EXCERPT) {
            return "\u201c" + flat + "\u201d";
        }
        int cut = flat.lastIndexOf(' ', EXCERPT);
        return "\u201c" + flat.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + "\u2026\u201d";
    }
}
