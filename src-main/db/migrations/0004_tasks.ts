// Migration 0004: tasks (boefje and normalizer runs). FROZEN once landed: never edit; add a new migration.
export const name = '0004_tasks';
export const sql = /* sql */ `
CREATE TABLE tasks (
  org             text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  id              text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('boefje', 'normalizer')),
  plugin_id       text NOT NULL,
  plugin_version  text,
  -- boefje: the object scanned; normalizer: the raw file's input object (NULL: an upload about no object)
  input_pk        text,
  -- normalizer: the raw file it parses
  raw_id          text,
  status          text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  -- lower runs first; manual scans are 1
  priority        integer NOT NULL,
  reason          text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  -- one queued or running task per (kind, plugin, input, raw file)
  dedup_key       text NOT NULL,
  -- the input object's scan level when eligibility was last checked
  input_level     smallint,
  created_at      timestamptz NOT NULL,
  started_at      timestamptz,
  ended_at        timestamptz,
  exit_code       integer,
  error           jsonb,
  stdout          text,
  stderr          text,
  output_count    integer,
  -- normalizer: { objects, created, updated, deleted } (lists capped)
  produced        jsonb,
  PRIMARY KEY (org, id),
  CHECK (kind = 'boefje' OR raw_id IS NOT NULL)
);
CREATE INDEX tasks_queue ON tasks (kind, priority, created_at) WHERE status = 'queued';
CREATE INDEX tasks_running ON tasks (org) WHERE status = 'running';
CREATE INDEX tasks_org_created ON tasks (org, created_at DESC);
CREATE INDEX tasks_org_input ON tasks (org, input_pk) WHERE input_pk IS NOT NULL;
CREATE INDEX tasks_org_raw ON tasks (org, raw_id) WHERE raw_id IS NOT NULL;
CREATE UNIQUE INDEX tasks_active_dedup ON tasks (org, dedup_key) WHERE status IN ('queued', 'running');
`;
