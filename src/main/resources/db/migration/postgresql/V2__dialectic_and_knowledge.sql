-- Dialectic sessions and the knowledge graph. Documents keep their JSON shape in jsonb (unknown fields kept),
-- beside the plain columns queries need. New tables are granted to the service's role by V1's default privileges.

-- One row per dialectic session. A session involves two agents, so it is keyed by its own id; both agents are
-- indexed for "the sessions of this agent".
CREATE TABLE dialectic_session (
    session_id        text        NOT NULL PRIMARY KEY,
    paused_agent_id   text        NOT NULL,
    reviewer_agent_id text        NOT NULL,
    document          jsonb       NOT NULL,
    changed_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dialectic_session_paused_agent ON dialectic_session (paused_agent_id);
CREATE INDEX dialectic_session_reviewer_agent ON dialectic_session (reviewer_agent_id);

-- The knowledge graph's one row: its version, unknown top-level fields, and a revision every change increments.
-- Every change locks this row (FOR UPDATE) for its read-merge-write, so changes from all replicas serialize;
-- readers compare the revision with the graph they hold.
CREATE TABLE knowledge_graph (
    singleton      boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
    version        text    NOT NULL,
    unknown_fields jsonb   NOT NULL,
    revision       bigint  NOT NULL
);
INSERT INTO knowledge_graph (version, unknown_fields, revision) VALUES ('1.0', '{}', 0);

-- One row per discovery, owned by its agent: agent_id first in the key. Ids are unique across the graph (the
-- change that adds one checks it under the graph's row lock); a node whose agent cannot be read has agent_id ''.
-- revision: the graph revision that last wrote the row.
CREATE TABLE knowledge_discovery (
    agent_id     text   NOT NULL,
    discovery_id text   NOT NULL,
    document     jsonb  NOT NULL,
    revision     bigint NOT NULL,
    PRIMARY KEY (agent_id, discovery_id)
);
CREATE INDEX knowledge_discovery_id ON knowledge_discovery (discovery_id);
