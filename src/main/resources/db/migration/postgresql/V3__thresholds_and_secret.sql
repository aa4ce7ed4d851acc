-- The runtime decision thresholds and the dialectic signing secret, one row each, shared by every replica.

-- The thresholds document as stored (unknown fields kept); no row until thresholds are first set.
CREATE TABLE decision_thresholds (
    singleton boolean     NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
    document  jsonb       NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- A damaged thresholds document, kept here when valid thresholds replace it (the file store's quarantine/).
CREATE TABLE decision_thresholds_quarantine (
    replaced_at timestamptz NOT NULL DEFAULT now(),
    document    jsonb       NOT NULL
);

-- The signing secret: created once (INSERT ... ON CONFLICT DO NOTHING, then read), never changed by the service,
-- whose role may only read it and insert the first one.
CREATE TABLE signing_secret (
    singleton  boolean     NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
    secret     text        NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE UPDATE, DELETE, TRUNCATE ON signing_secret FROM "${app_role}";
