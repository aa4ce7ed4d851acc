-- Context documents and their manifests. Every agent-owned table has agent_id first in its primary key.
--
-- A document is kept as its exact bytes, as the file store keeps {t}.json: its m.h is checked against the
-- canonical form of d as written, and jsonb would rewrite number literals (1e20, -0.0) and refuse \u0000, so a
-- valid document could read back as hash drift; a damaged document also stays what it was, for that one type only.

-- One row per agent with context: the row every change of the agent's context locks (FOR UPDATE), so a document,
-- its previous copy and the manifest change together across replicas. manifest is the manifest's JSON text, NULL
-- until first written (then it reads as rebuilt from the current documents).
CREATE TABLE context_manifest (
    agent_id text NOT NULL PRIMARY KEY,
    manifest text
);

-- The current document of each type and its previous valid copy.
CREATE TABLE context_document (
    agent_id     text  NOT NULL REFERENCES context_manifest (agent_id) ON DELETE CASCADE,
    context_type text  NOT NULL,
    slot         text  NOT NULL CHECK (slot IN ('current', 'previous')),
    content      bytea NOT NULL,
    PRIMARY KEY (agent_id, context_type, slot)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON context_manifest, context_document TO "${app_role}";
