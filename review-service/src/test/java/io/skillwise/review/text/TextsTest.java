package io.skillwise.review.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void markupAndControlCharactersAreNotPlainText() {
        assertThat(Texts.isPlain("<script>alert(1)</script>")).isFalse();
        assertThat(Texts.isPlain("x </b>")).isFalse();
        assertThat(Texts.isPlain("<!-- hidden -->")).isFalse();
        assertThat(Texts.isPlain("<?xml?>")).isFalse();
        assertThat(Texts.isPlain("bell\u0007")).isFalse();
    }

    @Test
    void ordinaryTextIsPlain() {
        assertThat(Texts.isPlain("3 < 5 and 7 > 2, <3")).isTrue();
        assertThat(Texts.isPlain("Line one\r\nline two\tend")).isTrue();
        assertThat(Texts.isPlain("Ünïcödé 👍")).isTrue();
    }

    @Test
    void storedTextIsComposedTrimmedWithUnixLineBreaks() {
        assertThat(Texts.normalize("  Cafe\u0301\r\nok\r ")).isEqualTo("Café\nok");
        assertThat(Texts.normalize(null)).isNull();
    }
}
