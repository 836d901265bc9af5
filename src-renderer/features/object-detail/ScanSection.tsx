import { useState } from 'react';
import type { ScansResults } from '../../../src-main/api/contracts/scans';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { scanDisabledReason } from '../../stores/engine-slice';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from './use-api-resource';

type ScanReport = ScansResults['scans.now'];

/** "Scan now" and every boefje that consumes this type, with whether it may run and why not. */
export function ScanSection({ org, pk, readOnly }: { org: string; pk: string; readOnly: boolean }) {
  const levelsRevision = useStore((s) => s.levelsRevision);
  const pluginsRevision = useStore((s) => s.pluginsRevision);
  const engine = useStore((s) => s.engine);
  const engineError = useStore((s) => s.engineError);
  const showPlugin = useStore((s) => s.showPlugin);
  const showTask = useStore((s) => s.showTask);
  const toast = useStore((s) => s.toast);
  const [report, setReport] = useState<ScanReport | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const eligible = useApiResource<ScansResults['scans.eligible']>(`${org}\n${pk}\n${levelsRevision}\n${pluginsRevision}`, () =>
    api().call('scans.eligible', { org, pk }),
  );
  const boefjes = eligible.data?.pk === pk ? eligible.data.boefjes : null;
  const engineOff = scanDisabledReason(engine, engineError);
  const disabled = engineOff ?? (boefjes && boefjes.length === 0 ? 'No boefje scans this type of object' : null);
  const runnable = boefjes?.filter((b) => b.eligible).length ?? 0;

  const scan = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api().call('scans.now', { org, pks: [pk] });
      setReport(res);
      toast(res.queued.length ? 'success' : 'info', `Scan: ${res.queued.length} queued, ${res.skipped.length} skipped.`);
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="sec-scan">
      <h3 id="sec-scan">
        Boefjes {boefjes && <span className="count">{boefjes.length}</span>}
      </h3>
      {!readOnly && (
        <div className="scan-actions">
          <button
            type="button"
            className="button primary small"
            disabled={busy || disabled !== null}
            title={disabled ?? (runnable ? `Queue ${runnable} eligible boefje${runnable === 1 ? '' : 's'} now` : 'Queue every eligible, enabled boefje now')}
            onClick={() => void scan()}
          >
            {busy ? 'Queuing…' : 'Scan now'}
          </button>
          {engineOff && <span className="muted small">{engineOff}</span>}
        </div>
      )}
      <ErrorBox error={error} compact />
      {report && (
        <div className="scan-report" role="status" aria-label="Scan report">
          <div>
            <strong>{report.queued.length} queued</strong>
            {report.queued.map((t) => (
              <button key={t.id} type="button" className="link-button small scan-report-task" onClick={() => showTask(t.id)}>
                {t.pluginId}
              </button>
            ))}
          </div>
          {report.skipped.length > 0 && (
            <ul className="scan-skipped">
              {report.skipped.map((s) => (
                <li key={`${s.pk}-${s.pluginId}`}>
                  <span className="mono">{s.pluginId}</span> <span className="error-code small">{s.code}</span> <span className="muted">{s.message}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {eligible.status === 'error' && <ErrorBox error={eligible.error} compact />}
      {!boefjes && eligible.status === 'loading' && <Spinner label="Loading boefjes" />}
      {boefjes && boefjes.length === 0 && <div className="muted">No boefje consumes this type of object.</div>}
      {boefjes && boefjes.length > 0 && (
        <ul className="eligible-list">
          {boefjes.map((b) => (
            <li key={b.pluginId} className={`eligible-item${b.eligible ? ' ok' : ''}`}>
              <span className={`status-dot${b.eligible ? ' ok' : ''}`} aria-hidden="true" />
              <button type="button" className="link-button" onClick={() => showPlugin(b.pluginId)}>
                {b.name}
              </button>
              <span className={`level-badge level-${b.scanLevel} level-declared`} title={`needs L${b.scanLevel}`}>
                L{b.scanLevel}
              </span>
              <span className="eligible-why muted small">{b.eligible ? 'can run now' : (b.message ?? b.code ?? 'not eligible')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
