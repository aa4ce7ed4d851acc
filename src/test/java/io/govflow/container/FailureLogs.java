package io.govflow.container;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.testcontainers.containers.GenericContainer;

/**
 * Keeps the logs of the containers a test starts and prints them only when the test fails (by then the
 * containers are gone, so their output is collected while they run). Sources added with {@link #add} stay
 * for every test of the class (e.g. a compose project started once).
 */
final class FailureLogs implements BeforeEachCallback, TestWatcher {

    private static final int MAX_CHARS = 20_000;

    private final Map<String, Supplier<String>> classSources = new ConcurrentHashMap<>();
    private final Map<String, Supplier<String>> testSources = new ConcurrentHashMap<>();

    void follow(String name, GenericContainer<?> container) {
        StringBuffer buffer = new StringBuffer();
        container.withLogConsumer(frame -> buffer.append(frame.getUtf8String()));
        testSources.put(name, buffer::toString);
    }

    void add(String name, Supplier<String> logs) {
        classSources.put(name, logs);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testSources.clear();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Map<String, Supplier<String>> sources = new LinkedHashMap<>(classSources);
        sources.putAll(testSources);
        sources.forEach((name, logs) -> {
            String text;
            try {
                text = logs.get();
            } catch (RuntimeException e) {
                text = "(logs unavailable: " + e + ")";
            }
            if (text.length() > MAX_CHARS) {
                text = "…" + text.substring(text.length() - MAX_CHARS);
            }
            System.out.printf("%n----- logs of %s (%s) -----%n%s%n----- end of %s -----%n",
                    name, context.getDisplayName(), text, name);
        });
    }
}
