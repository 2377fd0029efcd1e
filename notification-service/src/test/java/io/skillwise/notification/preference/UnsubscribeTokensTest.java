package io.skillwise.notification.preference;

import io.skillwise.kit.web.ApiException;
import io.skillwise.notification.NotificationKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(new PreferenceProperties("a".repeat(40)));

    @Test
    void aTokenNamesItsUserAndKind() {
        UUID user = UUID.randomUUID();

        UnsubscribeTokens.Subject subject = tokens.verify(tokens.issue(user, NotificationKind.QUIZ_GRADED));

        assertThat(subject).isEqualTo(new UnsubscribeTokens.Subject(user, NotificationKind.QUIZ_GRADED));
    }

    @Test
    void anotherUsersOrKindsPayloadUnderTheSameSignatureIsRefused() {
        String token = tokens.issue(UUID.randomUUID(), NotificationKind.QUIZ_GRADED);
        String signature = token.substring(token.indexOf('.') + 1);
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((UUID.randomUUID() + ":QUIZ_GRADED").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> tokens.verify(otherPayload + "." + signature)).isInstanceOf(ApiException.class);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        UnsubscribeTokens elsewhere = new UnsubscribeTokens(new PreferenceProperties("b".repeat(40)));

        assertThatThrownBy(() -> tokens.verify(elsewhere.issue(UUID.randomUUID(), NotificationKind.ENROLLED)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void garbageIsRefusedAsABadRequest() {
        for (String garbage : new String[] {"", ".", "abc", "a.b.c", "%%%.%%%", "YQ.YQ"}) {
            assertThatThrownBy(() -> tokens.verify(garbage)).as(garbage).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new PreferenceProperties("too-short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PreferenceProperties(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
