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

const ORIGIN_ORDER: readonly ExplorerOriginKind[] = ['declaration', 'observation', 'inference', 'affirmation'];

/** The query lives in the database as kat_explorer_decorate (migration 0009): PL/pgSQL keeps its plan. */
const SQL = `SELECT pk, level, level_kind, n, worst, origins FROM kat_explorer_decorate($1, $2::text[], $3::timestamptz, $4::text[])`;

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
      [org, part, now.toISOString(), [...SEVERITIES]],
    );
    for (const r of res.rows) {
      let d = out.get(r.pk);
      if (!d) out.set(r.pk, (d = { level: null, severity: null, findings: 0, origins: [] }));
      if (r.level !== null) {
        d.level = r.level;
        d.levelInherited = r.level_kind === 'inherited';
      }
      if (r.n !== null) {
        d.findings = r.n;
        d.severity = severityOf(r.worst);
      }
      if (r.origins !== null) {
        const kinds = new Set(r.origins);
        d.origins = ORIGIN_ORDER.filter((k) => kinds.has(k));
      }
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
