-- The agent stores: metadata records, update logs and state checkpoints. Every agent-owned table has agent_id
-- first in its primary key. Applied by the schema owner; the service's role gets row access only.

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${app_role}";

-- Documents are kept twice: their exact JSON text (what the service reads; unknown fields kept) and the same
-- document as jsonb for queries. jsonb cannot hold every JSON text a client may send (the escapes \u0000 and a lone
-- surrogate such as \ud800, which the file store keeps): such a document has a NULL jsonb column.

-- One row per agent: the metadata record; status beside it for queries.
CREATE TABLE agent_metadata (
    agent_id    text        NOT NULL PRIMARY KEY,
    status      text        NOT NULL,
    record_text text        NOT NULL,
    record      jsonb,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

-- The head of each agent's update log: the row an append locks (FOR UPDATE), so seqs stay contiguous across
-- replicas. generation changes whenever the log is replaced as a whole; bytes is the log's length as a file.
CREATE TABLE update_log_head (
    agent_id   text   NOT NULL PRIMARY KEY,
    generation bigint NOT NULL,
    last_seq   bigint NOT NULL,
    first_seq  bigint NOT NULL,
    lines      bigint NOT NULL,
    bytes      bigint NOT NULL
);

-- The update log: each line's exact text (its CRC covers these bytes), one row per committed update.
CREATE TABLE update_log (
    agent_id text   NOT NULL,
    seq      bigint NOT NULL,
    line     text   NOT NULL,
    PRIMARY KEY (agent_id, seq)
);

-- State checkpoints (engine state and history windows), each a checkpoint of the agent's update log.
CREATE TABLE agent_state (
    agent_id     text   NOT NULL PRIMARY KEY,
    update_count bigint NOT NULL,
    state_text   text   NOT NULL,
    state        jsonb
);

GRANT SELECT, INSERT, UPDATE, DELETE ON agent_metadata, update_log_head, update_log, agent_state TO "${app_role}";

-- Change counters of whole-store views (e.g. 'metadata'): bumped in every transaction that changes the store, so
-- a replica's cached view is reused only while nothing changed anywhere; the bump also orders such changes.
CREATE TABLE store_version (
    name    text   NOT NULL PRIMARY KEY,
    version bigint NOT NULL
);
INSERT INTO store_version (name, version) VALUES ('metadata', 0);
GRANT SELECT, UPDATE ON store_version TO "${app_role}";
