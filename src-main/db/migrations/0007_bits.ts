// Migration 0007: bits (inference rules): the runs that failed, and the full runs made.
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0007_bits';
export const sql = /* sql */ `
-- The last failure of a bit on a source (a bit that throws fails only that run). Deleted when the
-- bit later succeeds on the source, or when the source goes.
CREATE TABLE bit_failures (
  org       text NOT NULL,
  bit_id    text NOT NULL,
  source    text NOT NULL,
  error     jsonb NOT NULL,
  failed_at timestamptz NOT NULL,
  PRIMARY KEY (org, bit_id, source)
);

-- Full re-runs over an organisation (what ran, how long, what it wrote).
CREATE TABLE bit_full_runs (
  id          bigserial PRIMARY KEY,
  org         text NOT NULL,
  bits        text[] NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  sources     integer NOT NULL DEFAULT 0,
  changed     integer NOT NULL DEFAULT 0,
  failed      integer NOT NULL DEFAULT 0
);
CREATE INDEX bit_full_runs_org ON bit_full_runs (org, id DESC);

-- What a bit last inferred for a source (hash of its results and parameters), so re-running it
-- with the same outcome writes nothing.
ALTER TABLE origins ADD COLUMN output_hash text;
-- A bit's inference origins (full runs compare them all at once; status counts them).
CREATE INDEX origins_inference ON origins (org, method) WHERE kind = 'inference';
`;
