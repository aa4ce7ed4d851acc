package io.govflow.flow.agent;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.auth.ApiKeys;
import io.govflow.flow.auth.Authenticator;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Registration (explicit, never as a side effect of another call) and lookup of agents. */
@Service
public class AgentRegistry {

    private final MetadataStore metadata;
    private final Authenticator authenticator;
    private final StoreHealth storeHealth;
    private final boolean openRegistration;
    private final Clock clock;

    private final EffectiveRecords effectiveRecords;

    public AgentRegistry(MetadataStore metadata, Authenticator authenticator, StoreHealth storeHealth,
            GovflowProperties properties, Clock clock, EffectiveRecords effectiveRecords) {
        this.effectiveRecords = effectiveRecords;
        this.metadata = metadata;
        this.authenticator = authenticator;
        this.storeHealth = storeHealth;
        this.openRegistration = properties.security().openRegistration();
        this.clock = clock;
    }

    /**
     * Anonymous when registration is open; the admin token otherwise. Checked before the body is read.
     *
     * @return the admin when the admin token was presented (it may register protected agents), else null
     */
    public @Nullable Caller checkMayRegister(@Nullable String credential) {
        if (!openRegistration) {
            return authenticator.requireAdmin(credential);
        }
        return credential != null && authenticator.isAdminToken(credential) ? Caller.ofAdmin() : null;
    }

    /** @param byAdmin whether the admin token was presented (only the admin tags an agent as protected) */
    public Registration register(RegisterCommand command, boolean byAdmin) {
        AgentIds.requireRegistrable(command.agentId());
        ProtectedTag.requireAdminToChange(List.of(), command.tags(), byAdmin);
        if (command.parentAgentId() != null) {
            AgentIds.requireValid(command.parentAgentId());
        }
        storeHealth.checkWritable();
        String key = ApiKeys.generate();
        String now = Timestamps.now(clock);
        AgentRecord fresh = AgentRecord.newAgent(command.agentId(), now, ApiKeys.hash(key));
        AgentRecord record = new AgentRecord(fresh.agentId(), fresh.status(), fresh.createdAt(), fresh.lastUpdate(),
                fresh.version(), 0, List.copyOf(command.tags()), command.notes(), fresh.lifecycleEvents(), null, null,
                command.parentAgentId(), command.spawnReason(), fresh.apiKey(), List.of(), List.of(), null, null, null,
                false, Map.of());
        metadata.create(record);
        return new Registration(key, record);
    }

    /** The effective record: what the update log says, also while the metadata checkpoint lags behind it. */
    public AgentRecord get(String agentId) {
        return metadata.find(agentId).map(effectiveRecords::effective).orElseThrow(() -> new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId));
    }
}
