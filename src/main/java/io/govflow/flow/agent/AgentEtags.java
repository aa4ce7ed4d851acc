package io.govflow.flow.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LifecycleEvent;

/**
 * The ETag of an agent: a hash of the fields users edit (status, tags, notes, lifecycle events), so the many
 * per-update fields do not invalidate it.
 */
public final class AgentEtags {

    private AgentEtags() {
    }

    public static String of(AgentRecord record) {
        StringBuilder canonical = new StringBuilder()
                .append(record.status().word()).append('\u0000')
                .append(String.join("\u0001", record.tags())).append('\u0000')
                .append(record.notes()).append('\u0000');
        for (LifecycleEvent event : record.lifecycleEvents()) {
            canonical.append(event.event()).append('\u0001').append(event.timestamp()).append('\u0001')
                    .append(event.reason()).append('\u0002');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
