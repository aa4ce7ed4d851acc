package io.govflow.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (extension auto-detection, {@code junit-platform.properties}): copies
 * everything written to stdout and stderr during the class (the log output of in-process applications, which
 * log to the console) and, after the class, fails it if that output contains any credential of
 * {@link SecretLedger}, or if any scan recorded a violation during the class, or if an answer to a documented
 * operation did not fit the OpenAPI document ({@link ContractLedger}). Together the classes cover the log
 * output of the whole suite; child JVM logs are scanned by {@link ChildService}.
 */
public final class SuiteOutputCapture implements BeforeAllCallback, AfterAllCallback {

    private static final Object LOCK = new Object();
    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LOCK) {
            if (!installed) {
                System.setOut(tee(System.out));
                System.setErr(tee(System.err));
                installed = true;
            }
            CAPTURED.reset();
        }
        SecretLedger.drainViolations();
        ContractLedger.drainViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String output;
        synchronized (LOCK) {
            output = CAPTURED.toString(StandardCharsets.ISO_8859_1);
            CAPTURED.reset();
        }
        List<String> problems = new ArrayList<>();
        try {
            SecretLedger.assertAbsent("console/log output", output);
        } catch (AssertionError recorded) {
            // recorded in the ledger, reported below with the others
        }
        problems.addAll(SecretLedger.drainViolations());
        if (!problems.isEmpty()) {
            throw new AssertionError("credentials leaked during " + context.getDisplayName() + ": " + problems);
        }
        List<String> undocumented = ContractLedger.drainViolations();
        if (!undocumented.isEmpty()) {
            throw new AssertionError("answers that do not fit the OpenAPI document during "
                    + context.getDisplayName() + ": " + undocumented);
        }
    }

    /** The console output of the running test class so far. */
    public static String captured() {
        synchronized (LOCK) {
            return CAPTURED.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (LOCK) {
                    CAPTURED.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (LOCK) {
                    CAPTURED.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }
}
