import type { ReportInputs, ReportSeverity, ReportTypeInfo, SeverityCounts } from '../../../src-main/reports/types';

/** most severe first (a value import of the reports types would be fine, but the order is the view's) */
export const SEVERITIES_DESC: readonly ReportSeverity[] = ['critical', 'high', 'medium', 'low', 'recommendation', 'pending', 'unknown'];

export const SEVERITY_SHORT: Record<ReportSeverity, string> = {
  critical: 'C',
  high: 'H',
  medium: 'M',
  low: 'L',
  recommendation: 'R',
  pending: 'P',
  unknown: '?',
};

export function totalFindings(counts: SeverityCounts | null | undefined): number {
  if (!counts) return 0;
  return SEVERITIES_DESC.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/** "3 objects", "Hostname, IPAddress · 'acme' · level ≥ 2": what a report is about, in a line. */
export function inputsText(inputs: ReportInputs): string {
  if ('objects' in inputs) {
    const n = inputs.objects.length;
    if (n === 1) return inputs.objects[0]!;
    return `${n.toLocaleString()} chosen objects`;
  }
  const f = inputs.filter;
  const parts: string[] = [];
  parts.push(f.types?.length ? f.types.join(', ') : 'every type');
  if (f.search) parts.push(`“${f.search}”`);
  if (f.minLevel !== undefined) parts.push(`level ≥ ${f.minLevel}`);
  return `live filter: ${parts.join(' · ')}`;
}

/** The same inputs (order of chosen objects and filter types does not matter). */
export function sameInputs(a: ReportInputs, b: ReportInputs): boolean {
  return canonicalInputs(a) === canonicalInputs(b);
}

/** as the core matches a report with its previous one: distinct sorted keys, the search without case */
export function canonicalInputs(i: ReportInputs): string {
  if ('objects' in i) return JSON.stringify({ objects: [...new Set(i.objects)].sort() });
  const f = i.filter;
  return JSON.stringify({ filter: { types: f.types?.length ? [...new Set(f.types)].sort() : null, search: f.search?.trim().toLowerCase() || null, minLevel: f.minLevel ?? null } });
}

export function typeName(types: readonly ReportTypeInfo[], type: string): string {
  return types.find((t) => t.type === type)?.name ?? type;
}

/** "Aggregate" for "Aggregate report": for chips in lists. */
export function shortTypeName(types: readonly ReportTypeInfo[], type: string): string {
  return typeName(types, type).replace(/ report$/i, '');
}

/** A datetime-local value ("2026-12-02T15:30") for an ISO time, in the user's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO time of a datetime-local value, or null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
