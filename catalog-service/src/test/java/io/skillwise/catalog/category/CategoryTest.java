package io.skillwise.catalog.category;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTest {

    @Test
    void slugIsMadeFromTheName() {
        assertThat(Category.slugOf("Web Development")).isEqualTo("web-development");
        assertThat(Category.slugOf("  C++ & Rust!  ")).isEqualTo("c-rust");
    }

    @Test
    void slugMustBeUrlSafe() {
        assertThatThrownBy(() -> new Category(UUID.randomUUID(), null, "Web Dev", "Web Dev", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
