package io.skillwise.gateway.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "3f1c2b9e-8d7a-4c6b-9a5e-1f2d3c4b5a69", "00-4bf92f3577b34da6-01", "lb.req:42_x"})
    void ordinaryIdsAreKept(String id) {
        assertThat(RequestIdFilter.isWellFormed(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\nline", "semi;colon", "quote\"", "<script>"})
    void idsThatCouldSmuggleSomethingAreReplaced(String id) {
        assertThat(RequestIdFilter.isWellFormed(id)).isFalse();
    }

    @Test
    void overlongIdsAreReplaced() {
        assertThat(RequestIdFilter.isWellFormed("a".repeat(128))).isTrue();
        assertThat(RequestIdFilter.isWellFormed("a".repeat(129))).isFalse();
    }

    @Test
    void generatedIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
