import { useState } from 'react';
import type { ReportsResults } from '../../../src-main/api/contracts/reports';
import type { Report } from '../../../src-main/reports/types';
import { api, ApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';
import { ChangesPanel } from './ChangesPanel';
import { saveFile } from '../../components/save-file';
import { saveBase64 } from './file-download';
import { inputsText, typeName } from './report-format';
import { ReportBody } from './ReportBody';
import { TrendPanel } from './TrendPanel';

type Busy = null | 'pdf' | 'json' | 'csv' | 'regenerate';

/** One stored report, exactly as made: its data drawn, the changes since the previous one, the trend, exports. */
export function ReportView({ id }: { id: string }) {
  const org = useStore((s) => s.currentOrg)!;
  const res = useApiResource<ReportsResults['reports.get']>(`${org}\n${id}`, () => api().call('reports.get', { org, id }));
  const close = useStore((s) => s.closeReportScreen);

  if (res.status === 'error' && !res.data) {
    return (
      <section className="reports-view" aria-label="Report">
        <ViewHeader title="Report" onBack={close} />
        {res.error.code === 'REPORT_NOT_FOUND' || res.error.code === 'NOT_FOUND' ? (
          <EmptyState
            title="This report is gone"
            actions={
              <button type="button" className="button" onClick={close}>
                Back to the reports
              </button>
            }
          >
            It was deleted (perhaps in another window).
          </EmptyState>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </section>
    );
  }
  if (!res.data) {
    return (
      <section className="reports-view" aria-label="Report">
        <ViewHeader title="Report" onBack={close} />
        <div className="table-message">
          <Spinner label="Loading the report" />
        </div>
      </section>
    );
  }
  return <LoadedReport report={res.data} />;
}

function ViewHeader({ title, onBack, children }: { title: string; onBack(): void; children?: React.ReactNode }) {
  return (
    <header className="view-header">
      <div className="view-title">
        <button type="button" className="icon-button" aria-label="Back to the list" title="Back (Esc)" onClick={onBack}>
          <Icon name="back" />
        </button>
        <h1 title={title}>{title}</h1>
      </div>
      {children}
    </header>
  );
}

function LoadedReport({ report }: { report: Report }) {
  const close = useStore((s) => s.closeReportScreen);
  const openReport = useStore((s) => s.openReport);
  const openDialog = useStore((s) => s.openDialog);
  const startWizard = useStore((s) => s.startReportWizard);
  const toast = useStore((s) => s.toast);
  const types = useStore((s) => s.reportTypes);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [regenerated, setRegenerated] = useState<{ identical: boolean; report: Report } | null>(null);

  const run = async (what: Exclude<Busy, null>, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      const err = ApiError.from(e);
      setError({ code: err.code, message: err.message, details: err.details });
    } finally {
      setBusy(null);
    }
  };
  const exportPdf = () =>
    run('pdf', async () => {
      const pdf = await api().call('reports.pdf', { org: report.org, id: report.id });
      saveBase64(pdf.fileName, 'application/pdf', pdf.base64);
      toast('success', `Saved ${pdf.fileName} (${pdf.pages} ${pdf.pages === 1 ? 'page' : 'pages'}).`);
    });
  const exportData = (format: 'json' | 'csv') =>
    run(format, async () => {
      const file = await api().call('reports.exportData', { org: report.org, id: report.id, format });
      saveFile(file.fileName, file.mime, file.content);
      toast('success', `Saved ${file.fileName}.`);
    });
  const regenerate = () =>
    run('regenerate', async () => {
      setRegenerated(null);
      const r = await api().call('reports.regenerate', { org: report.org, id: report.id });
      setRegenerated(r);
    });
  const storeRegenerated = () =>
    run('regenerate', async () => {
      const r = await api().call('reports.regenerate', { org: report.org, id: report.id, store: true });
      setRegenerated(null);
      toast('success', 'The regenerated report is stored as a new report.');
      openReport(r.report.id);
    });

  return (
    <section className="reports-view report-view" aria-label={`Report ${report.name}`}>
      <ViewHeader title={report.name} onBack={close}>
        <div className="view-actions report-actions" role="toolbar" aria-label="Report actions">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void regenerate()} title="Make the report again from the same inputs and as-of time">
            {busy === 'regenerate' ? 'Regenerating…' : 'Regenerate'}
          </button>
          <button type="button" className="button primary" disabled={busy !== null} onClick={() => void exportPdf()}>
            {busy === 'pdf' ? 'Printing PDF…' : 'Export PDF'}
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void exportData('json')}>
            {busy === 'json' ? 'Exporting…' : 'JSON'}
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void exportData('csv')}>
            {busy === 'csv' ? 'Exporting…' : 'CSV'}
          </button>
          <button type="button" className="icon-button danger" aria-label="Delete report" title="Delete report" onClick={() => openDialog({ kind: 'deleteReport', id: report.id, name: report.name })}>
            <Icon name="trash" />
          </button>
        </div>
      </ViewHeader>
      <div className="report-scroll-area">
        <div className="report-meta">
          <span className="type-chip">{typeName(types, report.type)}</span>
          <span>
            <span className="muted">as of</span> <strong data-testid="report-asof">{formatDate(report.asOf)}</strong>
          </span>
          <span>
            <span className="muted">made</span> {formatDate(report.createdAt)}
          </span>
          <span className="muted" title={inputsText(report.inputs)}>
            {inputsText(report.inputs)}
          </span>
          {report.recipeId && <span className="default-chip">by a recipe</span>}
          <span className="meta-actions">
            <button type="button" className="link-button small" onClick={() => startWizard({ prefill: { type: report.type, inputs: report.inputs, name: report.name } })}>
              New report on these inputs
            </button>
            <button type="button" className="link-button small" onClick={() => startWizard({ recipe: true, prefill: { type: report.type, inputs: report.inputs, name: report.name } })}>
              Make a recipe of it
            </button>
          </span>
          <details className="versions">
            <summary className="small muted">Made with</summary>
            <dl className="attr-list small">
              <div className="attr-row">
                <dt>Kattegat</dt>
                <dd className="mono">{report.versions.app}</dd>
              </div>
              <div className="attr-row">
                <dt>Finding catalogue</dt>
                <dd className="mono">{report.versions.catalogue}</dd>
              </div>
              {Object.entries(report.versions.plugins).map(([p, v]) => (
                <div key={p} className="attr-row">
                  <dt className="mono">{p}</dt>
                  <dd className="mono">{v}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
        {busy === 'pdf' && (
          <div className="notice" role="status">
            <Spinner label="Chromium is printing the PDF" />
          </div>
        )}
        <ErrorBox error={error} />
        {regenerated && (
          <div className={`notice ${regenerated.identical ? 'notice-success' : 'notice-warning'}`} role="status" data-testid="regenerate-result">
            {regenerated.identical ? (
              <span>Regenerated from the same inputs and as-of time: the data is identical to the stored report.</span>
            ) : (
              <>
                <span>
                  Regenerated: the data differs from the stored report (the graph's history as of that time changed, or plugins or the finding
                  catalogue have a new version).
                </span>
                <button type="button" className="button small" disabled={busy !== null} onClick={() => void storeRegenerated()}>
                  Store as a new report
                </button>
              </>
            )}
            <button type="button" className="icon-button subtle" aria-label="Dismiss" onClick={() => setRegenerated(null)}>
              <Icon name="close" />
            </button>
          </div>
        )}
        <div className="report-layout">
          <article className="report-main" aria-label="Report content">
            <h2 className="report-title">{report.data.title}</h2>
            <ReportBody data={report.data} />
          </article>
          <aside className="report-side" aria-label="Compared with earlier reports">
            <ChangesPanel org={report.org} id={report.id} />
            <section className="report-side-section" aria-labelledby="sec-trend">
              <h3 id="sec-trend">Trend</h3>
              <TrendPanel report={report} />
            </section>
          </aside>
        </div>
      </div>
    </section>
  );
}
