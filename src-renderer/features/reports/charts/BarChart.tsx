import { bands, categories, niceTicks, scaleY, shortNumber } from './geometry';
import { colourFor, describeChart, isSeverity, type ChartLike } from './types';

const PAD = { left: 40, right: 12, top: 16, bottom: 42 };

const clip = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Vertical bars per category, one bar per series side by side. With one series whose categories
 * are severities, every bar takes its severity's colour.
 */
export function BarChart({ chart, compact = false }: { chart: ChartLike; compact?: boolean }) {
  const W = compact ? 300 : 520;
  const H = compact ? 190 : 230;
  const xs = categories(chart.series);
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v.y)));
  const ticks = niceTicks(max);
  const axisMax = ticks[ticks.length - 1]!;
  const bottom = H - PAD.bottom;
  const slots = bands(xs.length, PAD.left, W - PAD.right, xs.length > 12 ? 0.15 : 0.3);
  const perSeries = chart.series.length || 1;
  // a label fits its slot (about 6 user units a character at 11px)
  const maxChars = Math.max(3, Math.floor((W - PAD.left - PAD.right) / Math.max(1, xs.length) / 6.2));
  const bySeverity = chart.series.length === 1 && xs.length > 0 && xs.every(isSeverity);
  return (
    <svg className="chart chart-bar" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${chart.title}: ${describeChart(chart)}`}>
      {ticks.map((t) => {
        const y = scaleY(t, axisMax, PAD.top, bottom);
        return (
          <g key={t} className="chart-gridline">
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} />
            <text x={PAD.left - 6} y={y + 3.5} textAnchor="end">
              {shortNumber(t)}
            </text>
          </g>
        );
      })}
      {xs.map((x, i) => {
        const slot = slots[i]!;
        const w = slot.width / perSeries;
        return (
          <g key={x} className="chart-category">
            {chart.series.map((s, si) => {
              const v = s.values.find((p) => p.x === x)?.y ?? 0;
              const y = scaleY(v, axisMax, PAD.top, bottom);
              const fill = bySeverity ? colourFor(x, i) : colourFor(s.label, si);
              return (
                <g key={s.label}>
                  <rect x={slot.x + si * w} y={y} width={Math.max(1, w - (perSeries > 1 ? 2 : 0))} height={Math.max(0, bottom - y)} rx={2} style={{ fill }}>
                    <title>{`${perSeries > 1 ? `${s.label} · ` : ''}${x}: ${v.toLocaleString()}`}</title>
                  </rect>
                  {perSeries === 1 && (
                    <text className="chart-value" x={slot.x + w / 2} y={y - 4} textAnchor="middle">
                      {shortNumber(v)}
                    </text>
                  )}
                </g>
              );
            })}
            <text className="chart-label" x={slot.x + slot.width / 2} y={bottom + 15} textAnchor="middle">
              {clip(x, maxChars)}
              <title>{x}</title>
            </text>
          </g>
        );
      })}
      <line className="chart-axis" x1={PAD.left} x2={W - PAD.right} y1={bottom} y2={bottom} />
    </svg>
  );
}
