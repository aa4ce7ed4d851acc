package io.govflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.govflow.flow.auth.ApiKeys;
import org.jspecify.annotations.Nullable;

/**
 * Every credential the tests of this JVM were issued (agent keys from registration responses, admin tokens
 * the tests configure), and the scans that prove none of them appears anywhere else: response bodies, files
 * under a data directory, log output. A key is matched by its random part (the 43 characters after the
 * prefix), so a leak that drops the prefix is found too.
 *
 * <p>Scans record violations here as well as throwing; {@link SuiteOutputCapture} fails the test class in
 * which any violation was recorded, even one swallowed by a background thread.
 */
public final class SecretLedger {

    /** The random part of an issued key: 32 bytes in url-safe base64 without padding. */
    static final int SECRET_LENGTH = 43;
    private static final int MIN_TOKEN_LENGTH = 12;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Set<Integer> LENGTHS = ConcurrentHashMap.newKeySet();
    private static final List<String> VIOLATIONS = new ArrayList<>();

    private SecretLedger() {
    }

    /** An agent key issued to a test (the response that issued it is the only place it may appear). */
    public static void issued(String key) {
        String secret = key.startsWith(ApiKeys.PREFIX) ? key.substring(ApiKeys.PREFIX.length()) : key;
        remember(secret);
    }

    /** A configured credential (an admin token) that must never be echoed or logged. */
    public static void configured(String token) {
        if (!token.chars().allMatch(c -> isKeyChar((char) c))) {
            throw new IllegalArgumentException("use [A-Za-z0-9_-] only, so that the scan can find the token");
        }
        remember(token);
    }

    /**
     * Checks a response: a top-level {@code api_key} of a 2xx response is a newly issued key (remembered, and
     * allowed in that response only); nothing else in the body may be a credential.
     */
    public static void inspectResponse(String where, int status, String body, @Nullable String issuedKey) {
        if (issuedKey != null && status >= 200 && status < 300) {
            issued(issuedKey);
            assertAbsent(where, body.replace(issuedKey, ""));
        } else {
            assertAbsent(where, body);
        }
    }

    public static int issuedCount() {
        return SECRETS.size();
    }

    /** Throws (and records) when {@code text} contains any issued or configured credential. */
    public static void assertAbsent(String where, String text) {
        String found = find(text);
        if (found != null) {
            String message = "credential found in " + where + ": …" + found.substring(0, 6) + "…";
            synchronized (VIOLATIONS) {
                VIOLATIONS.add(message);
            }
            throw new AssertionError(message);
        }
    }

    /** Scans every regular file under {@code dir}. Stored hashes ({@code sha256:<hex>}) cannot match a key. */
    public static void assertAbsentUnder(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        assertAbsentIn(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertAbsentIn(Path file) {
        try {
            assertAbsent(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException gone) {
            // removed while scanning (a temp file): nothing to scan
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations recorded since the last call, cleared by this call. */
    static List<String> drainViolations() {
        synchronized (VIOLATIONS) {
            List<String> out = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return out;
        }
    }

    private static void remember(String secret) {
        if (secret.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("too short to scan for without false hits");
        }
        LENGTHS.add(secret.length());
        SECRETS.add(secret);
    }

    /**
     * Splits the text into runs of key characters ({@code [A-Za-z0-9_-]}) and looks up every window of each
     * secret length inside every run: linear in the text, whatever the number of keys.
     */
    private static @Nullable String find(String text) {
        if (SECRETS.isEmpty()) {
            return null;
        }
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean keyChar = i < n && isKeyChar(text.charAt(i));
            if (keyChar && start < 0) {
                start = i;
            } else if (!keyChar && start >= 0) {
                String hit = findInRun(text, start, i);
                if (hit != null) {
                    return hit;
                }
                start = -1;
            }
        }
        return null;
    }

    private static @Nullable String findInRun(String text, int from, int to) {
        for (int length : LENGTHS) {
            for (int at = from; at + length <= to; at++) {
                String window = text.substring(at, at + length);
                if (SECRETS.contains(window)) {
                    return window;
                }
            }
        }
        return null;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
