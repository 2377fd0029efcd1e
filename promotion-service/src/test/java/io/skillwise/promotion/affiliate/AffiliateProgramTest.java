package io.skillwise.promotion.affiliate;

import io.skillwise.promotion.affiliate.AffiliateProgram.ProgramStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AffiliateProgramTest {

    private static final UUID INSTRUCTOR = UUID.randomUUID();
    private static final UUID COURSE = UUID.randomUUID();
    private static final Instant TOUCH = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void theWindowRunsFromTheFirstTouchAndEndsExclusive() {
        AffiliateProgram program = program(null, 30);

        assertThat(program.withinWindow(TOUCH, TOUCH)).isTrue();
        assertThat(program.withinWindow(TOUCH, TOUCH.plus(Duration.ofDays(30)).minusMillis(1))).isTrue();
        assertThat(program.withinWindow(TOUCH, TOUCH.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void aCourseProgramCoversOneCourseAndAnInstructorProgramAllOfTheirs() {
        UUID other = UUID.randomUUID();

        assertThat(program(COURSE, 30).covers(COURSE, INSTRUCTOR)).isTrue();
        assertThat(program(COURSE, 30).covers(other, INSTRUCTOR)).isFalse();
        assertThat(program(null, 30).covers(other, INSTRUCTOR)).isTrue();
        assertThat(program(null, 30).covers(other, UUID.randomUUID())).isFalse();
    }

    @Test
    void commissionIsRoundedDownInBasisPoints() {
        AffiliateProgram program = new AffiliateProgram(UUID.randomUUID(), INSTRUCTOR, null, 1234, 30,
                ProgramStatus.OPEN, TOUCH);

        assertThat(program.commissionOn(4999)).isEqualTo(616); // 616.87
        assertThat(program.commissionOn(0)).isZero();
    }

    private static AffiliateProgram program(UUID courseId, int days) {
        return new AffiliateProgram(UUID.randomUUID(), INSTRUCTOR, courseId, 1500, days, ProgramStatus.OPEN, TOUCH);
    }
}
