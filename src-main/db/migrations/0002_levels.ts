// Migration 0002: scan levels (clearance). FROZEN once landed: never edit; add a new migration.
export const name = '0002_levels';
export const sql = /* sql */ `
-- Scan profiles, stored sparsely: a row exists for a declared profile (any level, L0 included: a
-- declared L0 stops inheritance) and for an inherited level >= 1. No row means 'empty' (L0).
-- Deleted objects lose their row (src-main/levels/service.ts, on the objects.changed event).
CREATE TABLE scan_profiles (
  org         text NOT NULL REFERENCES organisations (code) ON DELETE CASCADE,
  pk          text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
  kind        text NOT NULL CHECK (kind IN ('declared', 'inherited')),
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org, pk),
  CHECK (kind = 'declared' OR level >= 1)
);
CREATE INDEX scan_profiles_declared ON scan_profiles (org) WHERE kind = 'declared';

-- The maximum level a user acknowledged for the organisation (the indemnification): nothing can be
-- declared above it. No row: nothing above L0 can be declared.
CREATE TABLE org_clearance (
  org              text PRIMARY KEY REFERENCES organisations (code) ON DELETE CASCADE,
  max_level        smallint NOT NULL CHECK (max_level BETWEEN 0 AND 4),
  acknowledged_at  timestamptz NOT NULL,
  acknowledged_by  text NOT NULL
);
`;
