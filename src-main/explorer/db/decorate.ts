/**
 * What a node shows besides its key: its scan level (declared or inherited), its open findings (not
 * muted, a mute past its expiry counts as none) with the worst severity, and its origin kinds. These
 * are read from the current state, also for a graph as of another time.
 */
import type { Queryable } from '../../db/database.js';
import { SEVERITIES } from '../../api/contracts/findings.js';
import { EXPLORER_SEVERITIES, type ExplorerOriginKind, type ExplorerSeverity } from '../elements.js';

export interface Decoration {
  level: number | null;
  levelInherited?: boolean;
  severity: ExplorerSeverity | null;
  findings: number;
  origins: ExplorerOriginKind[];
}

const RANK = `array_position(ARRAY[${SEVERITIES.map((s) => `'${s}'`).join(', ')}]::text[], coalesce(ft.data->>'risk_severity', 'pending'))`;
const ORIGIN_ORDER: readonly ExplorerOriginKind[] = ['declaration', 'observation', 'inference', 'affirmation'];

const SQL = `
  SELECT p.pk, sp.level, sp.kind AS level_kind, f.n, f.worst,
         ARRAY(SELECT DISTINCT o.kind FROM origin_results r JOIN origins o ON o.org = r.org AND o.id = r.origin
                WHERE r.org = $1 AND r.pk = p.pk) AS origins
    FROM unnest($2::text[]) AS p(pk)
    LEFT JOIN scan_profiles sp ON sp.org = $1 AND sp.pk = p.pk
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS n, max(${RANK}) AS worst
        FROM refs fr
        JOIN objects f ON f.org = fr.org AND f.pk = fr.source
        LEFT JOIN objects ft ON ft.org = f.org AND ft.pk = f.data->>'finding_type'
        LEFT JOIN objects m ON m.org = f.org AND m.pk = 'MutedFinding|' || substr(f.pk, ${'Finding|'.length + 1})
       WHERE fr.org = $1 AND fr.target = p.pk AND fr.attr = 'ooi' AND fr.source LIKE 'Finding|%'
         AND (m.pk IS NULL OR (m.data->>'expires_at' IS NOT NULL AND (m.data->>'expires_at')::timestamptz <= $3::timestamptz))
    ) f ON true`;

const CHUNK = 5000;

function severityOf(rank: number | null): ExplorerSeverity | null {
  if (rank === null || rank === undefined) return null;
  const s = SEVERITIES[rank - 1];
  return (EXPLORER_SEVERITIES as readonly string[]).includes(s ?? '') ? (s as ExplorerSeverity) : null;
}

export async function decorate(q: Queryable, org: string, pks: readonly string[], now: Date): Promise<Map<string, Decoration>> {
  const out = new Map<string, Decoration>();
  const unique = [...new Set(pks)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const res = await q.query<{ pk: string; level: number | null; level_kind: string | null; n: number | null; worst: number | null; origins: string[] | null }>(
      SQL,
      [org, part, now.toISOString()],
    );
    for (const r of res.rows) {
      const kinds = new Set(r.origins ?? []);
      const d: Decoration = {
        level: r.level,
        severity: severityOf(r.worst),
        findings: r.n ?? 0,
        origins: ORIGIN_ORDER.filter((k) => kinds.has(k)),
      };
      if (r.level !== null) d.levelInherited = r.level_kind === 'inherited';
      out.set(r.pk, d);
    }
  }
  return out;
}

export const EMPTY_DECORATION: Decoration = { level: null, severity: null, findings: 0, origins: [] };

/** A collection shows its members' worst severity, their open findings summed and their origin kinds. */
export function mergeDecorations(ds: readonly (Decoration | undefined)[]): Decoration {
  let worst = -1;
  let findings = 0;
  const kinds = new Set<ExplorerOriginKind>();
  for (const d of ds) {
    if (!d) continue;
    findings += d.findings;
    if (d.severity) worst = Math.max(worst, SEVERITIES.indexOf(d.severity));
    d.origins.forEach((k) => kinds.add(k));
  }
  return { level: null, severity: worst < 0 ? null : (SEVERITIES[worst] as ExplorerSeverity), findings, origins: ORIGIN_ORDER.filter((k) => kinds.has(k)) };
}
