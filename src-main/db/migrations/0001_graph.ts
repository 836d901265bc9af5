// Migration 0001: organisations, the knowledge graph, origins, history, event outbox.
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0001_graph';
export const sql = /* sql */ `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organisations (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Current state: the newest version of every live object.
CREATE TABLE objects (
  org         text NOT NULL,
  pk          text NOT NULL,
  type        text NOT NULL,
  data        jsonb NOT NULL,
  valid_from  timestamptz NOT NULL,
  tx_from     timestamptz NOT NULL,
  PRIMARY KEY (org, pk)
);
CREATE INDEX objects_org_type_pk ON objects (org, type, pk);
-- Substring search on keys. New keys collect in the GIN pending list (fastupdate) and the write path
-- merges it after each batch (src-main/origins/maintenance.ts), so searches never scan a long list.
CREATE INDEX objects_pk_trgm ON objects USING gin (lower(pk) gin_trgm_ops) WITH (fastupdate = on);
CREATE INDEX objects_org_tx ON objects (org, tx_from DESC);

-- Every version ever (bitemporal). data IS NULL marks a deletion.
-- Valid time [valid_from, valid_to), transaction time [tx_from, tx_to); 'infinity' = open.
CREATE TABLE object_versions (
  id          bigserial PRIMARY KEY,
  org         text NOT NULL,
  pk          text NOT NULL,
  type        text NOT NULL,
  data        jsonb,
  change      text NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
  origin      text,
  valid_from  timestamptz NOT NULL,
  valid_to    timestamptz NOT NULL DEFAULT 'infinity',
  tx_from     timestamptz NOT NULL,
  tx_to       timestamptz NOT NULL DEFAULT 'infinity'
);
CREATE INDEX object_versions_pk ON object_versions (org, pk, valid_from);
-- The open deletions: whether a key being created has a history to close, without probing the
-- history of every key (src-main/origins/versions.ts).
CREATE INDEX object_versions_open_deletions ON object_versions (org, pk) WHERE data IS NULL AND tx_to = 'infinity' AND valid_to = 'infinity';

-- References as an edge table (one target per referencing attribute), for traversal both ways.
CREATE TABLE refs (
  org     text NOT NULL,
  source  text NOT NULL,
  attr    text NOT NULL,
  target  text NOT NULL,
  PRIMARY KEY (org, source, attr)
);
CREATE INDEX refs_target ON refs (org, target);

-- One origin per (kind, method, source); id = Origin|kind|method|[source_method|]source
CREATE TABLE origins (
  org            text NOT NULL,
  id             text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('declaration', 'observation', 'inference', 'affirmation')),
  method         text NOT NULL,
  source         text NOT NULL,
  source_method  text,
  task_id        text,
  valid_from     timestamptz NOT NULL,
  tx_from        timestamptz NOT NULL,
  PRIMARY KEY (org, id)
);
CREATE INDEX origins_source ON origins (org, source);

CREATE TABLE origin_results (
  org     text NOT NULL,
  origin  text NOT NULL,
  pk      text NOT NULL,
  PRIMARY KEY (org, origin, pk)
);
CREATE INDEX origin_results_pk ON origin_results (org, pk);

CREATE TABLE origin_parameters (
  org     text NOT NULL,
  origin  text NOT NULL,
  pk      text NOT NULL,
  PRIMARY KEY (org, origin, pk)
);
CREATE INDEX origin_parameters_pk ON origin_parameters (org, pk);

-- Event outbox: written in the same transaction as the change, dispatched after commit.
CREATE TABLE outbox (
  id             bigserial PRIMARY KEY,
  org            text,
  topic          text NOT NULL,
  payload        jsonb NOT NULL,
  created_at     timestamptz NOT NULL,
  dispatched_at  timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
`;
