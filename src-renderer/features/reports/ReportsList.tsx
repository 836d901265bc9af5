import type { ReportSummary, ReportTypeInfo } from '../../../src-main/reports/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatRelative } from '../../components/format';
import { useStore } from '../../stores/store';
import { listKeys } from './list-keys';
import { inputsText, shortTypeName, typeName } from './report-format';
import { SeverityCountsCell } from './SeverityCountsCell';

/** The stored reports of the organisation, newest first, with a type filter. */
export function ReportsList() {
  const reports = useStore((s) => s.reports);
  const total = useStore((s) => s.reportsTotal);
  const status = useStore((s) => s.reportsStatus);
  const error = useStore((s) => s.reportsError);
  const types = useStore((s) => s.reportTypes);
  const typeFilter = useStore((s) => s.reportsTypeFilter);
  const setTypeFilter = useStore((s) => s.setReportsTypeFilter);
  const load = useStore((s) => s.loadReports);
  const loadMore = useStore((s) => s.loadMoreReports);
  const openReport = useStore((s) => s.openReport);
  const startWizard = useStore((s) => s.startReportWizard);
  const openDialog = useStore((s) => s.openDialog);
  const askDelete = (r: ReportSummary) => openDialog({ kind: 'deleteReport', id: r.id, name: r.name });

  return (
    <>
      <div className="toolbar">
        <select className="small-select type-filter" aria-label="Report type" value={typeFilter} onChange={(e) => setTypeFilter(e.target.value as typeof typeFilter)}>
          <option value="">Every type</option>
          {types.map((t) => (
            <option key={t.type} value={t.type}>
              {t.name}
            </option>
          ))}
        </select>
        <div className="toolbar-spacer" />
        {status === 'ready' && (
          <span className="object-count" data-testid="report-count">
            {reports.length < total ? `${reports.length.toLocaleString()} of ${total.toLocaleString()} reports` : `${total.toLocaleString()} ${total === 1 ? 'report' : 'reports'}`}
          </span>
        )}
      </div>
      <div className="list-body">
        {status === 'error' && <ErrorBox error={error} onRetry={() => void load()} />}
        {(status === 'loading' || status === 'idle') && reports.length === 0 && (
          <div className="table-message">
            <Spinner label="Loading reports" />
          </div>
        )}
        {status === 'ready' && reports.length === 0 && !typeFilter && (
          <EmptyState
            icon="▤"
            title="No reports yet"
            actions={
              <button type="button" className="button primary" onClick={() => startWizard()}>
                <Icon name="plus" /> New report
              </button>
            }
          >
            A report shows the graph as it was at one moment: DNS, mail, ports, TLS, web systems, findings and more, or all of them in one
            aggregate report with a management summary. It is stored as made, can be exported as PDF, JSON or CSV, and compared with the
            previous report of the same objects.
          </EmptyState>
        )}
        {status === 'ready' && reports.length === 0 && typeFilter && (
          <EmptyState
            title={`No ${typeName(types, typeFilter)} reports`}
            actions={
              <button type="button" className="button" onClick={() => setTypeFilter('')}>
                Show every type
              </button>
            }
          />
        )}
        {reports.length > 0 && <ReportsTable reports={reports} types={types} onOpen={openReport} onDelete={askDelete} />}
        {reports.length > 0 && reports.length < total && (
          <div className="table-message">
            <button type="button" className="button" onClick={() => void loadMore()}>
              Show {Math.min(100, total - reports.length).toLocaleString()} more
            </button>
          </div>
        )}
      </div>
    </>
  );
}

interface TableProps {
  reports: readonly ReportSummary[];
  types: readonly ReportTypeInfo[];
  onOpen(id: string): void;
  onDelete(r: ReportSummary): void;
}

function ReportsTable({ reports, types, onOpen, onDelete }: TableProps) {
  const byId = new Map(reports.map((r) => [r.id, r]));
  return (
    <table className="data-table reports-table" aria-label="Reports">
      <thead>
        <tr>
          <th className="col-name">Name</th>
          <th className="col-type">Type</th>
          <th>Inputs</th>
          <th className="col-time">As of</th>
          <th className="col-time">Created</th>
          <th className="col-findings">Findings</th>
          <th className="col-actions" aria-label="Actions" />
        </tr>
      </thead>
      <tbody
        onKeyDown={(e) =>
          listKeys(e, {
            open: onOpen,
            remove: (id) => {
              const r = byId.get(id);
              if (r) onDelete(r);
            },
          })
        }
      >
        {reports.map((r) => (
          <tr key={r.id} data-id={r.id} tabIndex={0} aria-label={r.name} onClick={() => onOpen(r.id)}>
            <td className="cell-name">
              <span className="report-name">{r.name}</span>
              {r.recipeId && <span className="default-chip">recipe</span>}
            </td>
            <td>
              <span className="type-chip" title={typeName(types, r.type)}>{shortTypeName(types, r.type)}</span>
            </td>
            <td className="muted" title={inputsText(r.inputs)}>
              {inputsText(r.inputs)}
            </td>
            <td title={formatDate(r.asOf)}>{formatDate(r.asOf)}</td>
            <td className="muted" title={formatDate(r.createdAt)}>
              {formatRelative(r.createdAt)}
            </td>
            <td>
              <SeverityCountsCell counts={r.counts.findings} />
            </td>
            <td className="col-actions" onClick={(e) => e.stopPropagation()}>
              <button type="button" className="icon-button danger" aria-label={`Delete report ${r.name}`} title="Delete (Del)" tabIndex={-1} onClick={() => onDelete(r)}>
                <Icon name="trash" />
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
