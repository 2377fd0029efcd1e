package io.skillwise.catalog.course;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionsTest {

    @Test
    void insertGoesLastUnlessToldOtherwise() {
        assertThat(Positions.forInsert(null, 3)).isEqualTo(3);
        assertThat(Positions.forInsert(0, 3)).isZero();
        assertThat(Positions.forInsert(99, 3)).isEqualTo(3);
    }

    @Test
    void moveStaysInsideTheList() {
        assertThat(Positions.forMove(99, 3)).isEqualTo(2);
        assertThat(Positions.forMove(1, 3)).isEqualTo(1);
    }

    @Test
    void negativePositionsAreRefused() {
        assertThatThrownBy(() -> Positions.forInsert(-1, 3)).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> Positions.forMove(-1, 3)).isInstanceOf(CourseRuleException.class);
    }
}
