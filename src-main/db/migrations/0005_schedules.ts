// Migration 0005: schedules, per-plugin intervals, and what the scheduler needs on tasks.
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0005_schedules';
export const sql = /* sql */ `
CREATE TABLE schedules (
  org          text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  id           text NOT NULL,
  name         text NOT NULL,
  enabled      boolean NOT NULL DEFAULT true,
  -- canonical DTSTART + RRULE text (src-main/scheduler/time), NULL: on events only
  recurrence   text,
  -- filter over plugins and per-type filter over objects (src-main/scheduler/filter); '' = all
  plugins      text NOT NULL DEFAULT '',
  input        text NOT NULL DEFAULT '',
  -- an object type whose creation / update triggers the schedule, or NULL
  run_on       text,
  operations   text[] NOT NULL DEFAULT '{}',
  is_default   boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  last_run_at  timestamptz,
  next_run_at  timestamptz,
  last_result  jsonb,
  PRIMARY KEY (org, id)
);
CREATE INDEX schedules_due ON schedules (next_run_at) WHERE enabled AND next_run_at IS NOT NULL;

-- How often a boefje may run on the same object (its grace period); no row = 24 hours.
CREATE TABLE plugin_intervals (
  org               text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  plugin_id         text NOT NULL,
  interval_minutes  integer NOT NULL CHECK (interval_minutes > 0),
  PRIMARY KEY (org, plugin_id)
);

-- Which schedule queued a task, and a hash of the settings it ran with: a run inside the grace
-- period with other settings is not a repeat.
ALTER TABLE tasks ADD COLUMN schedule_id text;
ALTER TABLE tasks ADD COLUMN settings_hash text;
CREATE INDEX tasks_last_run ON tasks (org, plugin_id, input_pk, ended_at DESC) WHERE kind = 'boefje' AND status IN ('completed', 'failed');
`;
