// Migration 0008: schedules that run normalizers on raw files (run_on = 'file' with a mime type).
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0008_file_schedules';
export const sql = /* sql */ `
-- with run_on = 'file': the raw files' mime type ('boefje/nmap', 'boefje/*' or '*/*'); else NULL
ALTER TABLE schedules ADD COLUMN mime_type text;
ALTER TABLE schedules ADD CONSTRAINT schedules_file_mime CHECK (COALESCE(run_on = 'file', false) = (mime_type IS NOT NULL));

-- organisations that have the default schedules get the default file schedule too: every enabled
-- normalizer reads every new raw file of a mime type it consumes (what happened before this row)
INSERT INTO schedules (org, id, name, enabled, recurrence, plugins, input, run_on, mime_type, operations, is_default, created_at, updated_at)
SELECT org, 'default-raw-files', 'New raw files', true, NULL, '', '', 'file', '*/*', ARRAY['created'], true, now(), now()
FROM schedules WHERE id = 'default-daily' AND is_default
ON CONFLICT (org, id) DO NOTHING;

-- ... and the boefjes that scan websites and web URLs when inference finds them
INSERT INTO schedules (org, id, name, enabled, recurrence, plugins, input, run_on, mime_type, operations, is_default, created_at, updated_at)
SELECT org, x.id, x.name, true, NULL, '', x.t, x.t, NULL, ARRAY['created', 'updated'], true, now(), now()
FROM schedules CROSS JOIN (VALUES ('default-websites', 'New websites', 'Website'), ('default-web-urls', 'New web URLs', 'WebURL')) AS x(id, name, t)
WHERE schedules.id = 'default-daily' AND schedules.is_default
ON CONFLICT (org, id) DO NOTHING;

-- the normalizer runs of a raw file (a re-run skips files this normalizer version already read)
CREATE INDEX tasks_normalizer_runs ON tasks (org, plugin_id, raw_id, ended_at DESC) WHERE kind = 'normalizer' AND status IN ('completed', 'failed');
`;
