package dev.rapport.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the admin browser tests' shared system once all tests ran, while the JVM is still whole: stopped from a
 * shutdown hook instead, the broker raced Kafka's own hook deleting its log folder and halted the JVM with exit 1.
 */
public class SharedSystemCloser implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RapportSystem.closeShared();
    }
}
