// Migration 0009: saved views of the graph explorer, per organisation (deleted with it).
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0009_explorer_views';
export const sql = /* sql */ `
CREATE TABLE saved_views (
  org         text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  id          text NOT NULL,
  name        text NOT NULL,
  state       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org, id)
);
CREATE INDEX saved_views_org_updated ON saved_views (org, updated_at DESC);
`;
