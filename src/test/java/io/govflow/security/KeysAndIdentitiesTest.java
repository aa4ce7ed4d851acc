package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;

/**
 * Keys and identities: ids cannot be enumerated by anyone without a valid credential, a deleted agent's key only
 * reads its own deletion state, the admin can rotate or revoke any key, and only the admin sets or removes the
 * {@code pioneer} tag.
 */
@GovflowApp(args = "--govflow.security.admin-token=" + KeysAndIdentitiesTest.ADMIN)
class KeysAndIdentitiesTest {

    static final String ADMIN = "keys-identities-admin-token";
    private static final Map<String, Object> UPDATE = Map.of("complexity", 0.4);

    static ApiClient client;

    @Test
    void anUnknownAgentAndAWrongKeyAnswerAlike() {
        client.register("known_agent");
        String junk = "gvf_" + "x".repeat(43);

        Reply known = client.post("/api/v1/agents/known_agent/updates", junk, UPDATE);
        Reply unknown = client.post("/api/v1/agents/unknown_agent/updates", junk, UPDATE);
        Reply unknownArchive = client.post("/api/v1/agents/unknown_agent/archive", junk, Map.of());

        for (Reply reply : List.of(known, unknown, unknownArchive)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().get("error_code").asString()).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(reply.body().get("error").asString()).isEqualTo(known.body().get("error").asString());
            assertThat(reply.body().get("details")).isEqualTo(known.body().get("details"));
            assertThat(reply.body().get("recovery")).isEqualTo(known.body().get("recovery"));
            assertThat(reply.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(known.headers().firstValue("WWW-Authenticate"));
        }
        assertThat(unknown.raw()).doesNotContain("unknown_agent");
    }

    @Test
    void aValidCredentialStillLearnsThatAnAgentIsMissing() {
        String key = client.register("lookup_agent");

        Reply reply = client.post("/api/v1/agents/never_registered/updates", key, UPDATE);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("AGENT_NOT_FOUND");
    }

    @Test
    void aDeletedAgentsKeyOnlyReadsItsOwnDeletionState() {
        String key = client.register("deleted_agent");
        client.register("bystander_agent");
        assertThat(client.send("DELETE", "/api/v1/agents/deleted_agent", key, null, Map.of()).status())
                .isEqualTo(200);

        Reply own = client.get("/api/v1/agents/deleted_agent", key);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().at("/agent/status").asString()).isEqualTo("deleted");

        for (Reply refused : List.of(client.get("/api/v1/agents/bystander_agent", key),
                client.get("/api/v1/agents", key),
                client.get("/api/v1/agents/deleted_agent/context", key),
                client.post("/api/v1/agents/deleted_agent/updates", key, UPDATE),
                client.post("/api/v1/agents/deleted_agent/api-key/rotate", key, null),
                client.post("/api/v1/discoveries", key, Map.of("agent_id", "deleted_agent", "type", "insight",
                        "summary", "still here")))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("AUTHENTICATION_FAILED");
        }
    }

    @Test
    void theAdminRevokesAnyKeyAndOnlyTheAdmin() {
        String key = client.register("revoked_agent");
        String other = client.register("revoking_agent");

        Reply byAgent = client.post("/api/v1/agents/revoked_agent/api-key/revoke", key, null);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.body().get("error_code").asString()).isEqualTo("FORBIDDEN");
        assertThat(client.post("/api/v1/agents/revoked_agent/api-key/revoke", other, null).status()).isEqualTo(403);

        Reply revoked = client.post("/api/v1/agents/revoked_agent/api-key/revoke", ADMIN, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().at("/agent/has_api_key").asBoolean()).isFalse();
        assertThat(client.get("/api/v1/agents/revoked_agent", key).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/agents/revoked_agent/updates", key, UPDATE).status()).isEqualTo(401);

        Reply rotated = client.post("/api/v1/agents/revoked_agent/api-key/rotate", ADMIN, null);
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.body().get("api_key").asString();
        assertThat(client.post("/api/v1/agents/revoked_agent/updates", fresh, UPDATE).status()).isEqualTo(200);
    }

    @Test
    void theAdminRevokesTheKeyOfADeletedAgent() {
        String key = client.register("gone_agent");
        client.send("DELETE", "/api/v1/agents/gone_agent", ADMIN, null, Map.of());

        assertThat(client.post("/api/v1/agents/gone_agent/api-key/revoke", ADMIN, null).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/agents/gone_agent", key).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/agents/gone_agent", ADMIN).body().at("/agent/status").asString())
                .isEqualTo("deleted");
    }

    @Test
    void onlyTheAdminSetsOrRemovesThePioneerTag() {
        String key = client.register("would_be_pioneer");

        Reply selfTagged = client.send("PATCH", "/api/v1/agents/would_be_pioneer", key,
                Map.of("tags", List.of("pioneer")), Map.of());
        assertThat(selfTagged.status()).isEqualTo(403);
        assertThat(selfTagged.body().get("error_code").asString()).isEqualTo("FORBIDDEN");
        Reply registered = client.post("/api/v1/agents", null, Map.of("agent_id", "born_pioneer",
                "tags", List.of("pioneer")));
        assertThat(registered.status()).isEqualTo(403);

        // a self-tagged pioneer cannot block the admin's delete
        Reply deleted = client.send("DELETE", "/api/v1/agents/would_be_pioneer", ADMIN, null, Map.of());
        assertThat(deleted.status()).isEqualTo(200);

        String keeper = client.register("real_pioneer");
        assertThat(client.send("PATCH", "/api/v1/agents/real_pioneer", ADMIN,
                Map.of("tags", List.of("pioneer")), Map.of()).status()).isEqualTo(200);
        assertThat(client.send("PATCH", "/api/v1/agents/real_pioneer", keeper,
                Map.of("tags", List.of("research")), Map.of()).status()).isEqualTo(403);
        assertThat(client.send("PATCH", "/api/v1/agents/real_pioneer", keeper,
                Map.of("tags", List.of("pioneer", "research")), Map.of()).status()).isEqualTo(200);
        Reply protectedDelete = client.send("DELETE", "/api/v1/agents/real_pioneer", keeper, null, Map.of());
        assertThat(protectedDelete.body().get("error_code").asString()).isEqualTo("PROTECTED_AGENT");
    }
}
