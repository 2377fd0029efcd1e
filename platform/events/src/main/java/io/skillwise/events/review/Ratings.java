package io.skillwise.events.review;

/** Range checks for star ratings, shared by the review records. */
final class Ratings {

    private Ratings() {
    }

    static void requireStars(String name, Integer stars) {
        if (stars != null && (stars < 1 || stars > 5)) {
            throw new IllegalArgumentException(name + " must be 1 to 5 stars, was " + stars);
        }
    }
}
