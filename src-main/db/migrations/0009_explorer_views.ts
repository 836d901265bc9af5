// Migration 0009: the graph explorer: saved views per organisation (deleted with it), and the
// shortest-path search as a function (one round trip, its plans kept between calls).
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

-- Bidirectional breadth-first search between p_from and p_to over references both ways (used by
-- src-main/explorer/db/paths.ts). Each round expands the smaller frontier by one level; objects of
-- p_blocked types are never entered, except the two ends. Returns every reference that discovered
-- a new object (side 0: from p_from, side 1: from p_to; depth: the new object's distance from its
-- side's start), round by round, up to the round in which the two searches met or p_max hops.
-- The visited sets are jsonb objects used as hash sets (key lookup, no quadratic array scans).
CREATE FUNCTION kat_explorer_bfs(p_org text, p_from text, p_to text, p_max int, p_blocked text[])
RETURNS TABLE (side int, depth int, a text, attr text, b text, dir text)
LANGUAGE plpgsql STABLE
-- every step is a lookup by key: never a sequential scan, whatever the statistics say (or lack)
SET enable_seqscan = off
AS $kat$
DECLARE
  ends text[] := ARRAY[p_from, p_to];
  fa text[] := ARRAY[p_from];
  fb text[] := ARRAY[p_to];
  va jsonb := jsonb_build_object(p_from, 0);
  vb jsonb := jsonb_build_object(p_to, 0);
  da int := 0;
  db int := 0;
  s int;
  f text[];
  seen jsonb;
  xa text[];
  xattr text[];
  xb text[];
  xdir text[];
  nxt text[];
  met boolean := false;
BEGIN
  IF p_from = p_to THEN RETURN; END IF;
  WHILE da + db < p_max AND cardinality(fa) > 0 AND cardinality(fb) > 0 AND NOT met LOOP
    IF cardinality(fa) <= cardinality(fb) THEN s := 0; f := fa; seen := va; ELSE s := 1; f := fb; seen := vb; END IF;
    WITH st AS (
      SELECT r.source AS a, r.attr, r.target AS b, 'out' AS dir
        FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.target
       WHERE r.org = p_org AND r.source = ANY(f) AND (o.type <> ALL(p_blocked) OR r.target = ANY(ends))
      UNION ALL
      SELECT r.target, r.attr, r.source, 'in'
        FROM refs r
       WHERE r.org = p_org AND r.target = ANY(f) AND (split_part(r.source, '|', 1) <> ALL(p_blocked) OR r.source = ANY(ends))
    )
    SELECT array_agg(st.a), array_agg(st.attr), array_agg(st.b), array_agg(st.dir) INTO xa, xattr, xb, xdir
      FROM st WHERE NOT (seen ? st.b);
    nxt := ARRAY(SELECT DISTINCT u.x FROM unnest(coalesce(xb, '{}'::text[])) AS u(x));
    IF s = 0 THEN
      da := da + 1; fa := nxt;
      va := va || coalesce((SELECT jsonb_object_agg(u.x, da) FROM unnest(nxt) AS u(x)), '{}'::jsonb);
      met := EXISTS (SELECT 1 FROM unnest(nxt) AS u(x) WHERE vb ? u.x);
      RETURN QUERY SELECT 0, da, u.a, u.attr, u.b, u.dir FROM unnest(xa, xattr, xb, xdir) AS u(a, attr, b, dir);
    ELSE
      db := db + 1; fb := nxt;
      vb := vb || coalesce((SELECT jsonb_object_agg(u.x, db) FROM unnest(nxt) AS u(x)), '{}'::jsonb);
      met := EXISTS (SELECT 1 FROM unnest(nxt) AS u(x) WHERE va ? u.x);
      RETURN QUERY SELECT 1, db, u.a, u.attr, u.b, u.dir FROM unnest(xa, xattr, xb, xdir) AS u(a, attr, b, dir);
    END IF;
  END LOOP;
END
$kat$;

-- What an explorer node shows besides its key (used by src-main/explorer/db/decorate.ts): the scan
-- profile, the open findings on it (a mute counts until its expires_at) with the worst severity's
-- rank in p_severities, and its origin kinds. Three index-driven parts, one row per object that has
-- something (no join against the key list: its size is unknown to a kept plan).
CREATE FUNCTION kat_explorer_decorate(p_org text, p_pks text[], p_now timestamptz, p_severities text[])
RETURNS TABLE (pk text, level smallint, level_kind text, n int, worst int, origins text[])
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $kat$
BEGIN
  RETURN QUERY
  SELECT sp.pk, sp.level, sp.kind, NULL::int, NULL::int, NULL::text[]
    FROM scan_profiles sp WHERE sp.org = p_org AND sp.pk = ANY(p_pks)
  UNION ALL
  SELECT fr.target, NULL::smallint, NULL::text, count(*)::int,
         max(array_position(p_severities, coalesce(ft.data->>'risk_severity', 'pending')))::int, NULL::text[]
    FROM refs fr
    JOIN objects f ON f.org = fr.org AND f.pk = fr.source
    LEFT JOIN objects ft ON ft.org = f.org AND ft.pk = f.data->>'finding_type'
    LEFT JOIN objects m ON m.org = f.org AND m.pk = 'MutedFinding|' || substr(f.pk, 9)
   WHERE fr.org = p_org AND fr.target = ANY(p_pks) AND fr.attr = 'ooi' AND fr.source LIKE 'Finding|%'
     AND (m.pk IS NULL OR (m.data->>'expires_at' IS NOT NULL AND (m.data->>'expires_at')::timestamptz <= p_now))
   GROUP BY fr.target
  UNION ALL
  SELECT r.pk, NULL::smallint, NULL::text, NULL::int, NULL::int, array_agg(DISTINCT o.kind)
    FROM origin_results r JOIN origins o ON o.org = r.org AND o.id = r.origin
   WHERE r.org = p_org AND r.pk = ANY(p_pks)
   GROUP BY r.pk;
END
$kat$;
`;
