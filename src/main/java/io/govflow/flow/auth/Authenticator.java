package io.govflow.flow.auth;

import java.security.MessageDigest;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Decides whether a presented bearer credential may act. Every comparison is between equal-length SHA-256
 * digests with {@link MessageDigest#isEqual}; the presented key is never logged or echoed.
 */
@Service
public class Authenticator {

    private final MetadataStore metadata;
    private final byte @Nullable [] adminTokenDigest;

    public Authenticator(MetadataStore metadata, GovflowProperties properties) {
        this.metadata = metadata;
        String token = properties.security().adminToken();
        this.adminTokenDigest = token == null || token.isBlank() ? null : ApiKeys.sha256(token);
    }

    /** A mutation on agent {@code agentId}: that agent's key (or, where allowed, the admin token). */
    public Caller requireAgent(String agentId, @Nullable String credential, boolean adminAllowed) {
        String presented = require(credential);
        if (adminAllowed && isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        AgentRecord record = metadata.find(agentId)
                .orElseThrow(() -> new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId));
        if (record.apiKey() == null || !ApiKeys.matches(presented, record.apiKey())) {
            throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
        }
        return Caller.ofAgent(agentId);
    }

    /**
     * A tenant's private documents (context): that agent's key or the admin token. A valid key of another agent
     * gets {@code CONTEXT_NOT_FOUND} (the documents of others do not exist for it); a key of no agent gets
     * {@code AUTHENTICATION_FAILED}.
     */
    public Caller requireTenant(String agentId, @Nullable String credential) {
        String presented = require(credential);
        if (isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        String stored = metadata.find(agentId).map(AgentRecord::apiKey).orElse(null);
        if (stored != null && ApiKeys.matches(presented, stored)) {
            return Caller.ofAgent(agentId);
        }
        requireAny(presented);
        throw new GovflowException(ErrorCode.CONTEXT_NOT_FOUND);
    }

    /** A read of governance data: any valid credential (agents review each other). */
    public Caller requireAny(@Nullable String credential) {
        String presented = require(credential);
        if (isAdmin(presented)) {
            return Caller.ofAdmin();
        }
        byte[] digest = ApiKeys.sha256(presented);
        for (Map.Entry<String, AgentRecord> entry : metadata.readAll().entrySet()) {
            String stored = entry.getValue().apiKey();
            if (stored != null && ApiKeys.matchesDigest(digest, stored)) {
                return Caller.ofAgent(entry.getKey());
            }
        }
        throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
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
