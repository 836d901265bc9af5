// Migration 0010: stored reports (one row per report: type, inputs, as-of time, data) and report recipes.
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0010_reports';
export const sql = /* sql */ `
-- One row per report, exactly as made. inputs_key is the canonical text of the inputs, so the
-- previous report of the same type and inputs is one index lookup. tx_time is the transaction time
-- the graph was read at (regenerating reads the same history). counts: findings per severity.
CREATE TABLE reports (
  org          text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  id           text NOT NULL,
  name         text NOT NULL,
  type         text NOT NULL,
  inputs       jsonb NOT NULL,
  inputs_key   text NOT NULL,
  as_of        timestamptz NOT NULL,
  tx_time      timestamptz NOT NULL,
  created_at   timestamptz NOT NULL,
  -- json, not jsonb: stored and returned as written (an aggregate over a large graph is megabytes; jsonb would re-encode it)
  data         json NOT NULL,
  versions     jsonb NOT NULL,
  counts       jsonb NOT NULL,
  previous_id  text,
  recipe_id    text,
  PRIMARY KEY (org, id)
);
CREATE INDEX reports_org_created ON reports (org, created_at DESC, id DESC);
CREATE INDEX reports_previous ON reports (org, type, inputs_key, as_of);

-- A report made by itself on a recurrence (RRULE, UTC).
CREATE TABLE report_recipes (
  org          text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  id           text NOT NULL,
  name         text NOT NULL,
  type         text NOT NULL,
  inputs       jsonb NOT NULL,
  rrule        text NOT NULL,
  enabled      boolean NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  last_run_at  timestamptz,
  next_run_at  timestamptz,
  PRIMARY KEY (org, id)
);
CREATE INDEX report_recipes_due ON report_recipes (next_run_at) WHERE enabled;
`;
