// Migration 0003: per-organisation plugin enablement and settings, raw file metadata.
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0003_plugins_raw';
export const sql = /* sql */ `
-- Whether a plugin is enabled for an organisation. No row = the plugin kind's default
-- (boefjes off, normalizers on).
CREATE TABLE plugin_enabled (
  org         text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  plugin_id   text NOT NULL,
  enabled     boolean NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org, plugin_id)
);

-- Per-organisation settings. Secret values never appear in settings: they sit in secrets,
-- a JSON object encrypted with AES-256-GCM ('v1:' + base64(iv | tag | ciphertext)).
CREATE TABLE plugin_settings (
  org         text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  plugin_id   text NOT NULL,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  secrets     text,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org, plugin_id)
);

-- Raw files: the bytes live content-addressed in the raw store (folder or S3); this is their metadata.
CREATE TABLE raw_files (
  org         text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  id          text NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint NOT NULL CHECK (size >= 0),
  mime_types  text[] NOT NULL,
  file_name   text,
  source      text NOT NULL CHECK (source IN ('boefje', 'upload')),
  task_id     text,
  input_pk    text,
  plugin_id   text,
  started_at  timestamptz,
  ended_at    timestamptz,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org, id)
);
CREATE INDEX raw_files_task ON raw_files (org, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX raw_files_input ON raw_files (org, input_pk) WHERE input_pk IS NOT NULL;
CREATE INDEX raw_files_created ON raw_files (org, created_at DESC);
CREATE INDEX raw_files_sha256 ON raw_files (sha256);
`;
