package io.govflow.flow.auth;

import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Decides whether a presented bearer credential may act. Every comparison is between equal-length SHA-256
 * digests with {@link MessageDigest#isEqual}; the presented key is never logged or echoed.
 */
@Service
public class Authenticator {

    /** Compared against when the named agent does not exist, so that path does the same work as a wrong key. */
    private static final String PLACEHOLDER_HASH = ApiKeys.HASH_PREFIX + "0".repeat(64);

    private final MetadataStore metadata;
    private final byte @Nullable [] adminTokenDigest;

    public Authenticator(MetadataStore metadata, GovflowProperties properties) {
        this.metadata = metadata;
        String token = properties.security().adminToken();
        this.adminTokenDigest = token == null || token.isBlank() ? null : ApiKeys.sha256(token);
    }

    /**
     * A mutation on agent {@code agentId}: that agent's key (or, where allowed, the admin token). A caller without
     * any valid credential gets {@code AUTHENTICATION_FAILED} whether or not the agent exists, on the same path (an
     * unknown agent is compared against a placeholder digest, then every agent's key is tried), so ids cannot be
     * enumerated; a caller with a valid credential learns {@code AGENT_NOT_FOUND}.
     */
    public Caller requireAgent(String agentId, @Nullable String credential, boolean adminAllowed) {
        String presented = require(credential);
        if (adminAllowed && isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        Optional<AgentRecord> record = metadata.find(agentId);
        String stored = record.map(AgentRecord::apiKey).orElse(null);
        boolean matches = ApiKeys.matches(presented, stored == null ? PLACEHOLDER_HASH : stored);
        if (matches && stored != null && record.filter(Authenticator::deleted).isEmpty()) {
            return Caller.ofAgent(agentId);
        }
        identify(presented, null);
        if (record.isEmpty()) {
            throw new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId);
        }
        throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
    }

    /**
     * A tenant's private documents (context): that agent's key or the admin token. A valid key of another agent
     * gets {@code CONTEXT_NOT_FOUND} (the documents of others do not exist for it); a key of no agent, or of a
     * deleted one, gets {@code AUTHENTICATION_FAILED}.
     */
    public Caller requireTenant(String agentId, @Nullable String credential) {
        String presented = require(credential);
        if (isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        Optional<AgentRecord> record = metadata.find(agentId).filter(r -> !deleted(r));
        String stored = record.map(AgentRecord::apiKey).orElse(null);
        if (stored != null && ApiKeys.matches(presented, stored)) {
            return Caller.ofAgent(agentId);
        }
        identify(presented, null);
        throw new GovflowException(ErrorCode.CONTEXT_NOT_FOUND);
    }

    /** A read of governance data: any valid credential (agents review each other). */
    public Caller requireAny(@Nullable String credential) {
        return identify(require(credential), null);
    }

    /**
     * A read of governance data about {@code agentId} (null: not about one agent): any valid credential; the key
     * of a deleted agent counts only for reading that agent itself (its deletion state).
     */
    public Caller requireAnyReading(@Nullable String credential, @Nullable String agentId) {
        return identify(require(credential), agentId);
    }

    /** An operator endpoint: the admin token only. */
    public Caller requireAdmin(@Nullable String credential) {
        if (adminTokenDigest == null) {
            throw new GovflowException(ErrorCode.ADMIN_DISABLED);
        }
        String presented = require(credential);
        if (isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        Caller caller = requireAny(presented);
        throw new GovflowException(caller.admin() ? ErrorCode.AUTHENTICATION_FAILED : ErrorCode.FORBIDDEN);
    }

    /**
     * Who holds {@code presented}: the admin, or the agent whose key it is. A deleted agent's key is refused unless
     * {@code ownRead} names that agent.
     */
    private Caller identify(String presented, @Nullable String ownRead) {
        if (isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        byte[] digest = ApiKeys.sha256(presented);
        for (Map.Entry<String, AgentRecord> entry : metadata.readAll().entrySet()) {
            String stored = entry.getValue().apiKey();
            if (stored != null && ApiKeys.matchesDigest(digest, stored)) {
                if (deleted(entry.getValue()) && !entry.getKey().equals(ownRead)) {
                    break;
                }
                return Caller.ofAgent(entry.getKey());
            }
        }
        throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
    }

    private static boolean deleted(AgentRecord record) {
        return record.status() == AgentStatus.DELETED;
    }

    /** Whether {@code credential} is the admin token (a constant-time comparison of digests). */
    public boolean isAdminToken(String credential) {
        return isAdmin(credential);
    }

    public boolean adminEnabled() {
        return adminTokenDigest != null;
    }

    private boolean isAdmin(String presented) {
        return adminTokenDigest != null && MessageDigest.isEqual(adminTokenDigest, ApiKeys.sha256(presented));
    }

    private static String require(@Nullable String credential) {
        if (credential == null || credential.isBlank()) {
            throw new GovflowException(ErrorCode.AUTHENTICATION_REQUIRED);
        }
        return credential;
    }
}
