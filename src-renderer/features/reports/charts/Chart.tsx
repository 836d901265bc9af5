import { BarChart } from './BarChart';
import { DonutChart } from './DonutChart';
import { LineChart } from './LineChart';
import type { ChartLike } from './types';

/** A report chart in a card, drawn by its kind; a chart without values says so. */
export function Chart({ chart, note, compact }: { chart: ChartLike; note?: string; /** for a narrow column */ compact?: boolean }) {
  const empty = chart.series.every((s) => s.values.length === 0);
  return (
    <figure className={`chart-card chart-${chart.kind}-card`} data-testid={`chart-${chart.id}`}>
      <figcaption>{chart.title}</figcaption>
      {empty ? <div className="chart-empty muted">No data for this chart.</div> : <ChartBody chart={chart} compact={compact ?? false} />}
      {note && <div className="chart-note muted small">{note}</div>}
    </figure>
  );
}

function ChartBody({ chart, compact }: { chart: ChartLike; compact: boolean }) {
  switch (chart.kind) {
    case 'bar':
      return <BarChart chart={chart} compact={compact} />;
    case 'donut':
      return <DonutChart chart={chart} />;
    case 'line':
      return <LineChart chart={chart} compact={compact} />;
    default: {
      const never: never = chart.kind;
      return never;
    }
  }
}
