package io.skillwise.systemtests;

import io.skillwise.testsupport.ApiResponse;

/** What the generated security tests ask of an answer, and how they show one in a failure. */
final class Answers {

    /** Enough of an answer to see what went wrong, without drowning the failure message. */
    private static final int SHOWN = 300;

    private Answers() {
    }

    static boolean isProblem(ApiResponse answer) {
        return answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
    }

    /** The text on one line, cut after a few hundred characters. */
    static String abbreviated(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > SHOWN ? flat.substring(0, SHOWN) + "..." : flat;
    }
}
