/** Findings: counts per severity, each finding type with its occurrences, and every finding. */
import type { FindingTypeDetail, ReportData } from '../types';
import { REPORT_SEVERITIES } from '../types';
import { assemble, cmp, refsOf, scopedFindings, section, severityChart, severityCounts, severityRank, table, tail, type BuildContext, type ScopedFinding } from './common';

/** Finding types by severity (worst first), then score, then id; each with its occurrences. */
export function groupFindingTypes(findings: readonly ScopedFinding[]): FindingTypeDetail[] {
  const by = new Map<string, { f: ScopedFinding; n: number; objects: string[] }>();
  for (const f of findings) {
    const g = by.get(f.findingTypePk);
    if (g) {
      g.n += 1;
      if (g.objects.length < 50) g.objects.push(f.ooi);
    } else by.set(f.findingTypePk, { f, n: 1, objects: [f.ooi] });
  }
  return [...by.values()]
    .map(({ f, n, objects }) => ({
      id: f.findingType,
      pk: f.findingTypePk,
      name: f.name,
      severity: f.severity as FindingTypeDetail['severity'],
      score: f.score,
      occurrences: n,
      recommendation: f.recommendation,
      objects: objects.sort(cmp),
    }))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (b.score ?? -1) - (a.score ?? -1) || cmp(a.id, b.id));
}

export async function buildFindings(c: BuildContext): Promise<ReportData> {
  const findings = await scopedFindings(c);
  const counts = severityCounts(findings);
  const types = groupFindingTypes(findings);
  const worst = [...REPORT_SEVERITIES].reverse().find((s) => counts[s] > 0);
  const sorted = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || cmp(a.findingType, b.findingType) || cmp(a.ooi, b.ooi) || cmp(a.pk, b.pk));
  return assemble('findings', c, {
    title: 'Findings',
    summary: [
      { label: 'Findings', value: findings.length },
      { label: 'Finding types', value: types.length },
      { label: 'Critical', value: counts.critical },
      { label: 'High', value: counts.high },
      { label: 'Medium', value: counts.medium },
      { label: 'Low', value: counts.low },
      { label: 'Recommendations', value: counts.recommendation },
    ],
    sections: [
      section(
        'findings-severity',
        'Findings per severity',
        [findings.length === 0 ? 'No findings in scope.' : `${findings.length} finding${findings.length === 1 ? '' : 's'} of ${types.length} type${types.length === 1 ? '' : 's'}; the most severe is ${worst}.`],
        ['findings-types'],
        ['findings-severity'],
      ),
      section('findings-all', 'All findings', [], ['findings-all']),
    ],
    tables: [
      table(
        'findings-types',
        'Finding types',
        ['Finding type', 'Name', 'Severity', 'Score', 'Occurrences'],
        types.map((t) => ({ cells: [t.id, t.name, t.severity, t.score, t.occurrences], link: t.pk })),
      ),
      table(
        'findings-all',
        'Findings',
        ['Severity', 'Finding type', 'Object type', 'Object', 'Description'],
        sorted.map((f) => ({ cells: [f.severity, f.findingType, f.ooiType, tail(f.ooi), f.description], link: f.pk })),
      ),
    ],
    charts: [severityChart('findings-severity', counts)],
    findings: refsOf(findings),
    details: { counts, total: findings.length, findingTypes: types },
  });
}
