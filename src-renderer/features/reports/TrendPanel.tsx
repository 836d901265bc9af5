import type { ReportsResults } from '../../../src-main/api/contracts/reports';
import type { Report } from '../../../src-main/reports/types';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';
import { Chart } from './charts/Chart';
import { trendChart } from './trend';

/** reports.list takes at most this many at once: the trend covers the newest of them */
const TREND_REPORTS = 500;

/** Findings per severity over earlier reports of the same type and inputs, as a line chart. */
export function TrendPanel({ report }: { report: Report }) {
  const revision = useStore((s) => s.reportsRevision);
  const res = useApiResource<ReportsResults['reports.list']>(`${report.org}\n${report.type}\n${revision}`, () =>
    api().call('reports.list', { org: report.org, type: report.type, limit: TREND_REPORTS }),
  );
  if (res.status === 'error') return <ErrorBox error={res.error} compact />;
  if (!res.data) return <Spinner label="Loading earlier reports" />;
  const { chart, points } = trendChart(res.data.reports, report.type, report.inputs);
  if (points < 2)
    return (
      <div className="muted small trend-empty" data-testid="trend-empty">
        The trend appears from the second {report.type} report on these inputs (a recipe makes them regularly).
      </div>
    );
  if (chart.series.length === 0) return <div className="muted small">No findings in any of the {points} reports on these inputs.</div>;
  return <Chart chart={chart} note={`${points} reports`} compact />;
}
