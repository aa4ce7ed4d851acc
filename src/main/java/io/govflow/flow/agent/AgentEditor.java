package io.govflow.flow.agent;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.auth.ApiKeys;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Edits of an agent's metadata (tags, notes) and key rotation. Each edit is applied field by field to the record
 * as it is on disk under the metadata lock, so concurrent edits of different fields never lose one another; an
 * {@code If-Match} is compared inside that same lock, so the check and the write are one step across threads and
 * processes.
 */
@Service
public class AgentEditor {

    /** Upper bound of the notes after an append, so appends cannot grow the shared metadata file without limit. */
    public static final int MAX_NOTES = 65_536;

    private final MetadataStore metadata;
    private final StoreHealth storeHealth;
    private final Clock clock;

    private final EffectiveRecords effectiveRecords;

    public AgentEditor(MetadataStore metadata, StoreHealth storeHealth, Clock clock,
            EffectiveRecords effectiveRecords) {
        this.effectiveRecords = effectiveRecords;
        this.metadata = metadata;
        this.storeHealth = storeHealth;
        this.clock = clock;
    }

    /**
     * @param ifMatch the request's {@code If-Match} (null: no precondition)
     * @param byAdmin whether the admin token made the edit (only the admin sets or removes the protected tag)
     * @return the record after the change
     */
    public AgentRecord patch(String agentId, AgentPatch patch, @Nullable String ifMatch, boolean byAdmin) {
        storeHealth.checkWritable();
        String now = Timestamps.now(clock);
        return metadata.update(agentId, stored -> {
            // If-Match is checked against the effective record, the one GET shows
            AgentRecord record = effectiveRecords.effective(stored);
            if (ifMatch != null && !etagMatches(ifMatch, AgentEtags.of(record))) {
                throw new GovflowException(ErrorCode.PRECONDITION_FAILED);
            }
            refuseDeleted(record);
            AgentRecord changed = applied(record, patch, now);
            ProtectedTag.requireAdminToChange(record.tags(), changed.tags(), byAdmin);
            return changed;
        });
    }

    /** Issues a new key (shown once) and records an {@code api_key_rotated} event; the old key stops working. */
    public IssuedKey rotateKey(String agentId) {
        storeHealth.checkWritable();
        String key = ApiKeys.generate();
        String now = Timestamps.now(clock);
        AgentRecord record = metadata.update(agentId, r -> {
            refuseDeleted(r);
            return r.withApiKey(ApiKeys.hash(key))
                    .withLifecycleEvent(LifecycleEvent.of("api_key_rotated", now, "A new API key was issued"));
        });
        return new IssuedKey(key, record);
    }

    /**
     * The admin withdraws the agent's key without issuing another (also of a deleted agent): from now on the key is
     * refused everywhere; a later rotation issues a new one.
     */
    public AgentRecord revokeKey(String agentId) {
        storeHealth.checkWritable();
        String now = Timestamps.now(clock);
        return metadata.update(agentId, r -> r.withApiKey(null)
                .withLifecycleEvent(LifecycleEvent.of("api_key_revoked", now, "The API key was revoked")));
    }

    static AgentRecord applied(AgentRecord record, AgentPatch patch, String now) {
        AgentRecord out = record;
        if (patch.tags() != null) {
            out = out.withTags(List.copyOf(patch.tags()));
        }
        if (patch.notes() != null) {
            out = out.withNotes(patch.notes());
        }
        if (patch.appendNotes() != null) {
            String line = "[" + now + "] " + patch.appendNotes();
            out = out.withNotes(out.notes().isEmpty() ? line : out.notes() + "\n" + line);
        }
        if (out.notes().length() > MAX_NOTES) {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields", List.of(Map.of(
                    "field", patch.appendNotes() != null ? "append_notes" : "notes",
                    "problem", "the notes would exceed " + MAX_NOTES + " characters"))));
        }
        return out;
    }

    /** RFC 9110 If-Match: {@code *}, or a comma-separated list of (possibly weak) entity tags. */
    static boolean etagMatches(String ifMatch, String etag) {
        for (String part : ifMatch.split(",")) {
            String candidate = part.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static void refuseDeleted(AgentRecord record) {
        if (record.status() == AgentStatus.DELETED) {
            throw GovflowException.withDetails(ErrorCode.AGENT_DELETED, Map.of("agent_id", record.agentId()),
                    record.agentId());
        }
    }
}
