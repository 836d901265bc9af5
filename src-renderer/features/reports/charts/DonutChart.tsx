import { donutArcs } from './geometry';
import { colourFor, describeChart, type ChartLike } from './types';

const SIZE = 180;
const OUTER = 80;
const INNER = 50;

/** The first series as a ring of shares, the total in the middle, a legend with counts and percentages. */
export function DonutChart({ chart }: { chart: ChartLike }) {
  const values = chart.series[0]?.values ?? [];
  const total = values.reduce((n, v) => n + Math.max(0, v.y), 0);
  const arcs = donutArcs(
    values.map((v) => v.y),
    SIZE / 2,
    SIZE / 2,
    OUTER,
    INNER,
  );
  return (
    <div className="chart-donut">
      <svg className="chart" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`${chart.title}: ${describeChart(chart)}`}>
        {total === 0 && <circle className="chart-empty-ring" cx={SIZE / 2} cy={SIZE / 2} r={(OUTER + INNER) / 2} strokeWidth={OUTER - INNER} />}
        {arcs.map((a, i) =>
          a.d ? (
            <path key={values[i]!.x} d={a.d} style={{ fill: colourFor(values[i]!.x, i) }} fillRule="nonzero">
              <title>{`${values[i]!.x}: ${values[i]!.y.toLocaleString()} (${Math.round(a.share * 100)} %)`}</title>
            </path>
          ) : null,
        )}
        <text className="chart-total" x={SIZE / 2} y={SIZE / 2 + 2} textAnchor="middle">
          {total.toLocaleString()}
        </text>
        <text className="chart-total-label" x={SIZE / 2} y={SIZE / 2 + 18} textAnchor="middle">
          total
        </text>
      </svg>
      <ul className="chart-legend">
        {values.map((v, i) => (
          <li key={v.x} className={v.y === 0 ? 'zero' : undefined}>
            <span className="legend-swatch" style={{ background: colourFor(v.x, i) }} aria-hidden="true" />
            <span className="legend-label">{v.x}</span>
            <span className="legend-value">{v.y.toLocaleString()}</span>
            <span className="legend-share muted">{total > 0 ? `${Math.round((Math.max(0, v.y) / total) * 100)} %` : '—'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
