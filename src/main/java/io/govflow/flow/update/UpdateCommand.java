package io.govflow.flow.update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import io.govflow.engine.UpdateInput;

/** A validated update request with defaults applied. */
public record UpdateCommand(double complexity, double confidence, double[] ethicalDrift, String responseText,
        boolean autoExportOnSignificance) {

    public static final double DEFAULT_COMPLEXITY = 0.5;
    public static final double DEFAULT_CONFIDENCE = 1.0;

    public UpdateCommand {
        ethicalDrift = ethicalDrift.length == 0 ? new double[3] : ethicalDrift.clone();
    }

    public UpdateInput toInput() {
        return new UpdateInput(complexity, confidence, ethicalDrift.clone(), responseText);
    }

    /**
     * Hash of the request's meaning (not its JSON spelling), stored with an Idempotency-Key to tell a retry
     * from a different request reusing the key.
     */
    public String requestHash() {
        String canonical = Double.toString(complexity) + '|' + confidence + '|' + Arrays.toString(ethicalDrift)
                + '|' + autoExportOnSignificance + '|' + responseText;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
