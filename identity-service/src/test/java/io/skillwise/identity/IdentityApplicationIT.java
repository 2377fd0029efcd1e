package io.skillwise.identity;

import io.skillwise.identity.support.ApiTestBase;
import io.skillwise.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;

class IdentityApplicationIT extends ApiTestBase {

    @Test
    void runsOnItsOwnStoreKafkaRedisAndMail() {
        ServiceChecks.assertRunningWith(port, "db", "kafka", "redis", "mail");
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/profile");
    }
}
