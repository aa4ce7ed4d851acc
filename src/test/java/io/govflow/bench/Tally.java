package io.govflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What the answers of one load phase were: 2xx, error codes, and failures without an answer. */
final class Tally {

    private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*\"([A-Z_]+)\"");

    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder transport = new LongAdder();
    private final LongAdder committedFailures = new LongAdder();
    private final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
    private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();

    /** Counts one answer; true when it is an error answer that says the update was committed all the same. */
    boolean reply(HttpReply reply) {
        if (reply.ok()) {
            ok.increment();
            return false;
        }
        failed.increment();
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        Matcher code = ERROR_CODE.matcher(body);
        String key = reply.status() + " " + (code.find() ? code.group(1) : "?");
        codes.computeIfAbsent(key, k -> new LongAdder()).increment();
        firstError.compareAndSet(null, key + ": " + body.substring(0, Math.min(300, body.length())));
        if (body.contains("\"committed\":true")) {
            committedFailures.increment();
            return true;
        }
        return false;
    }

    void transportError(IOException e) {
        transport.increment();
        firstError.compareAndSet(null, "no answer: " + e);
    }

    long ok() {
        return ok.sum();
    }

    long failed() {
        return failed.sum();
    }

    long transport() {
        return transport.sum();
    }

    long committedFailures() {
        return committedFailures.sum();
    }

    Map<String, Long> codes() {
        Map<String, Long> out = new TreeMap<>();
        codes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Nullable String firstError() {
        return firstError.get();
    }
}
