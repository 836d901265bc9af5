// Migration 0006: the object-with-neighbours query as a function, so its plan is kept between calls.
// FROZEN once landed: never edit; a changed query is a new migration (CREATE OR REPLACE FUNCTION).
// Used by src-main/graph/query/neighbours.ts; the incoming references are capped at REFS_IN_LIMIT (1000).
export const name = '0006_object_function';
export const sql = /* sql */ `
CREATE FUNCTION kat_object_current(p_org text, p_pk text)
RETURNS TABLE (pk text, type text, data jsonb, valid_from timestamptz, tx_from timestamptz, edges json, refs_in_total int, origins json)
LANGUAGE plpgsql STABLE AS $kat$
BEGIN
  RETURN QUERY
  SELECT t.pk, t.type, t.data, t.valid_from, t.tx_from,
    (SELECT coalesce(json_agg(json_build_array(e.dir, e.attr, e.other, e.other_type)), '[]'::json) FROM (
       SELECT 'out' AS dir, r.attr, r.target AS other, o.type AS other_type
         FROM refs r LEFT JOIN objects o ON o.org = r.org AND o.pk = r.target
        WHERE r.org = p_org AND r.source = p_pk
       UNION ALL
       (SELECT 'in', r.attr, r.source, o.type
         FROM refs r LEFT JOIN objects o ON o.org = r.org AND o.pk = r.source
        WHERE r.org = p_org AND r.target = p_pk ORDER BY r.source LIMIT 1000)) e) AS edges,
    (SELECT count(*)::int FROM refs r WHERE r.org = p_org AND r.target = p_pk) AS refs_in_total,
    (SELECT coalesce(json_agg(g ORDER BY g.id), '[]'::json) FROM (
  SELECT o.id, o.kind, o.method, o.source, o.source_method, o.task_id, o.valid_from, o.tx_from,
         ARRAY(SELECT x.pk FROM origin_results x WHERE x.org = o.org AND x.origin = o.id ORDER BY x.pk) AS results,
         ARRAY(SELECT x.pk FROM origin_parameters x WHERE x.org = o.org AND x.origin = o.id ORDER BY x.pk) AS parameters
    FROM origin_results r JOIN origins o ON o.org = r.org AND o.id = r.origin
   WHERE r.org = p_org AND r.pk = p_pk) g) AS origins
  FROM objects t WHERE t.org = p_org AND t.pk = p_pk;
END
$kat$;
`;
