package io.skillwise.systemtests;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One step of the mixed workload: what {@link MixedWorkloadSimulation} sends at which arrival rate, and where it
 * notes what it measured. Gatling builds a simulation from its class name alone, so the test hands each step over
 * through {@link #current()} before starting Gatling.
 *
 * @param label          how the step is named in the figures and in Gatling's report ("20 users/s")
 * @param gatewayUrl     the platform's gateway; every call goes through it
 * @param usersPerSecond new users arriving per second (open model), all parts of the workload together
 * @param hold           how long the rate is held
 * @param courses        published courses the visitors look at
 * @param category       the slug of their category, for the filtered listing
 * @param keyword        a word in their titles, for the search
 * @param signedIn       access tokens of signed-in learners who browse
 * @param learners       enrolled learners: {@code token}, {@code courseId} of the course they learn
 * @param purchases      buyer and course pairs never bought before: {@code token}, {@code courseId}
 * @param figures        where the virtual users note their calls
 */
record MixedWorkloadStep(String label, String gatewayUrl, double usersPerSecond, Duration hold, List<UUID> courses,
                         String category, String keyword, List<String> signedIn, List<Map<String, Object>> learners,
                         Iterator<Map<String, Object>> purchases, StepFigures figures) {

    /** Shares of the arrivals: 80% browse (half of them signed in), 15% learn, 5% buy. */
    static final double ANONYMOUS_BROWSING = 0.40;
    static final double SIGNED_IN_BROWSING = 0.40;
    static final double LEARNING = 0.15;
    static final double PURCHASES = 0.05;

    private static volatile MixedWorkloadStep current;

    static MixedWorkloadStep current() {
        MixedWorkloadStep step = current;
        if (step == null) {
            throw new IllegalStateException("MixedWorkloadSimulation runs only from MixedWorkloadLoadIT");
        }
        return step;
    }

    static void prepare(MixedWorkloadStep step) {
        current = step;
    }

    /** How many purchases a step at this rate starts (Gatling injects {@code rate x seconds} users, rounded). */
    static long purchasesAt(double usersPerSecond, Duration hold) {
        return (long) Math.ceil(usersPerSecond * PURCHASES * hold.toSeconds());
    }
}
