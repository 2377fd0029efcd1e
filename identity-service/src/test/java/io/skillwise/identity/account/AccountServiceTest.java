package io.skillwise.identity.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountServiceTest {

    @Test
    void displayNameSplitsIntoKeycloaksFirstAndLastName() {
        assertThat(AccountService.splitName("Ada Lovelace")).containsExactly("Ada", "Lovelace");
        assertThat(AccountService.splitName("  Ada King   Lovelace ")).containsExactly("Ada King", "Lovelace");
        assertThat(AccountService.splitName("Madonna")).containsExactly("Madonna", "Madonna");
    }

    @Test
    void personalDataNeverShowsInToString() {
        assertThat(new PersonalData("+44 20 7946 0958", "1990-01-01", "1 Road").toString())
                .doesNotContain("7946").doesNotContain("1990").doesNotContain("Road");
    }
}
