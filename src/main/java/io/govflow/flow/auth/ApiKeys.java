package io.govflow.flow.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues, hashes and checks agent keys. New keys are 32 random bytes in url-safe base64 behind a fixed prefix
 * that secret scanners can match; only {@code sha256:<hex>} of a key is ever stored.
 */
public final class ApiKeys {

    public static final String PREFIX = "gvf_";
    public static final String HASH_PREFIX = "sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return HASH_PREFIX + HexFormat.of().formatHex(sha256(key));
    }

    public static boolean isHashed(String stored) {
        return stored.startsWith(HASH_PREFIX) && stored.length() == HASH_PREFIX.length() + 64
                && stored.substring(HASH_PREFIX.length()).chars().allMatch(HexFormat::isHexDigit);
    }

    /**
     * Constant-time check of a presented key against a stored value. A stored plaintext key (a reference data
     * directory not yet migrated) is hashed first, so both sides are compared as equal-length digests. A stored
     * value that is not {@link #isUsable usable} matches nothing.
     */
    /**
     * A stored value a key can be checked against: a well-formed hash, or a reference plaintext key not yet
     * migrated. Anything else (empty, a damaged hash) authenticates nobody until an operator rotates the key.
     */
    public static boolean isUsable(String stored) {
        return isHashed(stored) || !stored.isEmpty() && !stored.regionMatches(true, 0, HASH_PREFIX, 0,
                HASH_PREFIX.length());
    }

    public static boolean matches(String presented, String stored) {
        return matchesDigest(sha256(presented), stored);
    }

    /** As {@link #matches} with the presented key already digested (checking one key against many agents). */
    public static boolean matchesDigest(byte[] presentedDigest, String stored) {
        if (!isUsable(stored)) {
            return false;
        }
        byte[] expected = isHashed(stored)
                ? HexFormat.of().parseHex(stored.substring(HASH_PREFIX.length()))
                : sha256(stored);
        return MessageDigest.isEqual(expected, presentedDigest);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
