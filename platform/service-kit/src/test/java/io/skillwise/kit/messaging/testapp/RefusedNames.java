package io.skillwise.kit.messaging.testapp;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test app's business rule that can never pass: a display name on this list is refused for good (poison).
 * Tests "fix" the rule by allowing the name again, as a deployment with corrected code or data would.
 */
@Component
public class RefusedNames {

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public RefusedNames() {
        refused.add(ProfileEventsListener.POISON);
    }

    public boolean refuses(String displayName) {
        return refused.contains(displayName);
    }

    public void allow(String displayName) {
        refused.remove(displayName);
    }

    public void refuse(String displayName) {
        refused.add(displayName);
    }
}
