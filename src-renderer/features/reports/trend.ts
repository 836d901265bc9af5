import type { ReportInputs, ReportSummary } from '../../../src-main/reports/types';
import type { ChartLike } from './charts/types';
import { SEVERITIES_DESC } from './report-format';
import { sameInputs } from './report-format';
import { severityLabel } from '../../components/SeverityBadge';

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Finding counts per severity over the reports of one type on the same inputs, oldest as-of first:
 * one line per severity that occurs in any of them. x labels are dates, with the time where two
 * reports share a day.
 */
export function trendChart(reports: readonly ReportSummary[], type: string, inputs: ReportInputs): { chart: ChartLike; points: number } {
  const same = reports.filter((r) => r.type === type && sameInputs(r.inputs, inputs)).sort((a, b) => a.asOf.localeCompare(b.asOf) || a.createdAt.localeCompare(b.createdAt));
  const days = same.map((r) => dayFormat.format(new Date(r.asOf)));
  const labels = same.map((r, i) => (days.filter((d) => d === days[i]).length > 1 ? timeFormat.format(new Date(r.asOf)) : days[i]!));
  // still equal (same minute): number them
  const xs = labels.map((l, i) => (labels.indexOf(l) !== i || labels.lastIndexOf(l) !== i ? `${l} #${labels.slice(0, i + 1).filter((x) => x === l).length}` : l));
  const present = SEVERITIES_DESC.filter((s) => same.some((r) => (r.counts.findings[s] ?? 0) > 0));
  const series = present.map((s) => ({ label: severityLabel(s), values: same.map((r, i) => ({ x: xs[i]!, y: r.counts.findings[s] ?? 0 })) }));
  return { chart: { id: 'trend', title: 'Findings over time (reports on the same inputs)', kind: 'line', series }, points: same.length };
}
