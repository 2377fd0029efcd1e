package io.skillwise.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTest {

    @Test
    void longTextIsCutAtAWord() {
        String excerpt = Notice.excerpt("word ".repeat(200));

        assertThat(excerpt).startsWith("\u201cword word").endsWith("word\u2026\u201d");
        assertThat(excerpt.length()).isLessThanOrEqualTo(303);
        assertThat(Notice.excerpt("  short\n text ")).isEqualTo("\u201cshort text\u201d");
    }
}
