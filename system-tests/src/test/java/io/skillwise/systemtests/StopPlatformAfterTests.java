package io.skillwise.systemtests;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the platform when the test run ends, inside the test JVM's normal life: a shutdown hook alone would race
 * the test runner, which kills its fork soon after System.exit, leaving service processes behind.
 */
public final class StopPlatformAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RunningPlatform.stop();
    }
}
