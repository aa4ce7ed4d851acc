package io.govflow.flow.dialectic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * Session ids: 16 lower-case hex digits, the start of SHA-256 over {@code "{paused}:{reviewer}:{created_at}"}
 * (the reference's derivation); a collision adds {@code ":{n}"} to the input.
 */
final class SessionIds {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{16}");

    private SessionIds() {
    }

    static String requireValid(String sessionId) {
        if (!VALID.matcher(sessionId).matches()) {
            throw new GovflowException(ErrorCode.INVALID_SESSION_ID);
        }
        return sessionId;
    }

    static String derive(String pausedAgentId, String reviewerAgentId, String createdAt, int attempt) {
        String input = pausedAgentId + ":" + reviewerAgentId + ":" + createdAt + (attempt == 0 ? "" : ":" + attempt);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
