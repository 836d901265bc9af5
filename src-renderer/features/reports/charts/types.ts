/** The shape every report chart has (ReportData's charts; also the trend the view builds itself). */
export interface ChartSeries {
  label: string;
  values: readonly { x: string; y: number }[];
}

export interface ChartLike {
  id: string;
  title: string;
  kind: 'bar' | 'donut' | 'line';
  series: readonly ChartSeries[];
}

const SEVERITY_NAMES = new Set(['critical', 'high', 'medium', 'low', 'recommendation', 'pending', 'unknown']);
const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

/** A severity's own colour for a severity label ("High", "critical"), else a palette colour by position. */
export function colourFor(label: string, index: number): string {
  const key = label.trim().toLowerCase();
  if (SEVERITY_NAMES.has(key)) return `var(--sev-${key})`;
  return PALETTE[index % PALETTE.length]!;
}

export function isSeverity(label: string): boolean {
  return SEVERITY_NAMES.has(label.trim().toLowerCase());
}

/** One sentence for screen readers: "Critical 2, High 1, Medium 0." per series. */
export function describeChart(chart: ChartLike): string {
  return chart.series
    .map((s) => `${chart.series.length > 1 ? `${s.label}: ` : ''}${s.values.map((v) => `${v.x} ${v.y}`).join(', ') || 'no values'}`)
    .join('; ');
}
