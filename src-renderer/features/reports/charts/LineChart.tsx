import { categories, niceTicks, polyline, scaleY, shortNumber, spreadX } from './geometry';
import { colourFor, describeChart, type ChartLike } from './types';

const PAD = { left: 40, right: 16, top: 16, bottom: 42 };

/** One line per series over the shared x values (e.g. report dates), points marked, a legend below. */
export function LineChart({ chart, compact = false }: { chart: ChartLike; compact?: boolean }) {
  const W = compact ? 300 : 520;
  const H = compact ? 190 : 230;
  const xs = categories(chart.series);
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v.y)));
  const ticks = niceTicks(max);
  const axisMax = ticks[ticks.length - 1]!;
  const bottom = H - PAD.bottom;
  const px = spreadX(xs.length, PAD.left + 10, W - PAD.right - 10);
  const labelEvery = Math.max(1, Math.ceil(xs.length / (compact ? 3 : 6)));
  return (
    <div className="chart-line">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${chart.title}: ${describeChart(chart)}`}>
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
        {xs.map((x, i) =>
          i % labelEvery === 0 || i === xs.length - 1 ? (
            <text key={x} className="chart-label" x={px[i]} y={bottom + 15} textAnchor={xs.length > 1 && i === 0 ? 'start' : xs.length > 1 && i === xs.length - 1 ? 'end' : 'middle'}>
              {x}
            </text>
          ) : null,
        )}
        <line className="chart-axis" x1={PAD.left} x2={W - PAD.right} y1={bottom} y2={bottom} />
        {chart.series.map((s, si) => {
          const colour = colourFor(s.label, si);
          const pts = xs.map((x, i) => ({ x: px[i]!, v: s.values.find((p) => p.x === x)?.y ?? null, label: x }));
          const known = pts.filter((p): p is { x: number; v: number; label: string } => p.v !== null);
          const ys = known.map((p) => scaleY(p.v, axisMax, PAD.top, bottom));
          return (
            <g key={s.label} className="chart-series">
              <polyline
                points={polyline(
                  known.map((p) => p.x),
                  ys,
                )}
                fill="none"
                style={{ stroke: colour }}
                strokeWidth={2}
              />
              {known.map((p, i) => (
                <circle key={p.label} cx={p.x} cy={ys[i]} r={3.5} style={{ fill: colour }}>
                  <title>{`${s.label} · ${p.label}: ${p.v.toLocaleString()}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      {chart.series.length > 1 && (
        <ul className="chart-legend inline">
          {chart.series.map((s, si) => (
            <li key={s.label}>
              <span className="legend-swatch" style={{ background: colourFor(s.label, si) }} aria-hidden="true" />
              <span className="legend-label">{s.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
