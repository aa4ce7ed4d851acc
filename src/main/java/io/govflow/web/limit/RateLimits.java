package io.govflow.web.limit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.govflow.config.GovflowProperties;
import io.govflow.config.GovflowProperties.Rate;
import org.springframework.stereotype.Component;

/**
 * The token buckets of every quota, one per agent or client address, in this instance's memory. Buckets that are
 * full again are dropped when a quota holds too many keys, so distinct addresses cannot grow the map without bound.
 */
@Component
public class RateLimits {

    /** Keys a quota holds before its full buckets are dropped. */
    static final int MAX_KEYS = 50_000;
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final Map<Quota, ConcurrentMap<String, Bucket>> buckets = new EnumMap<>(Quota.class);
    private final Map<Quota, Rate> rates = new EnumMap<>(Quota.class);

    public RateLimits(GovflowProperties properties) {
        for (Quota quota : Quota.values()) {
            buckets.put(quota, new ConcurrentHashMap<>());
            rates.put(quota, quota.rate(properties.limits()));
        }
    }

    /** Takes one request from {@code key}'s bucket of {@code quota}. */
    public Decision take(Quota quota, String key) {
        Rate rate = rates.get(quota);
        ConcurrentMap<String, Bucket> byKey = buckets.get(quota);
        if (byKey.size() >= MAX_KEYS) {
            byKey.values().removeIf(bucket -> bucket.getAvailableTokens() >= rate.capacity());
        }
        Bucket bucket = byKey.computeIfAbsent(key, ignored -> newBucket(rate));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long windowSeconds = Math.max(1, rate.window().toSeconds());
        long missing = rate.capacity() - probe.getRemainingTokens();
        long resetSeconds = ceilDiv(missing * rate.window().toNanos(), rate.capacity() * NANOS_PER_SECOND);
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(),
                NANOS_PER_SECOND));
        return new Decision(quota, probe.isConsumed(), rate.capacity(), probe.getRemainingTokens(), windowSeconds,
                resetSeconds, retryAfter);
    }

    private static Bucket newBucket(Rate rate) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(rate.capacity())
                .refillGreedy(rate.capacity(), rate.window()).build()).build();
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /**
     * The outcome of one request against a quota, and what the RateLimit headers say.
     *
     * @param allowed the request may go on
     * @param capacity requests per window
     * @param remaining requests left now
     * @param windowSeconds the window the capacity refills over
     * @param resetSeconds seconds until the bucket is full again
     * @param retryAfterSeconds when refused, seconds until one request is allowed again
     */
    public record Decision(Quota quota, boolean allowed, long capacity, long remaining, long windowSeconds,
            long resetSeconds, long retryAfterSeconds) {

        /** {@code RateLimit-Policy}: the quota's name, its capacity and window (IETF httpapi draft). */
        public String policyHeader() {
            return "\"" + quota.wire() + "\";q=" + capacity + ";w=" + windowSeconds;
        }

        /** {@code RateLimit}: what is left now and when the bucket is full again. */
        public String stateHeader() {
            return "\"" + quota.wire() + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }
}
