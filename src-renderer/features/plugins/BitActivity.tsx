import { useState } from 'react';
import type { BitsResults } from '../../../src-main/api/contracts/bits';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';

type Status = BitsResults['bits.status'];
type Failures = BitsResults['bits.failures'];
type RunStats = BitsResults['bits.run'];

const FAILURES_SHOWN = 20;

/** A bit at work: how many sources it concludes something for, where it failed, and a re-run over the organisation. */
export function BitActivity({ org, bitId, enabled }: { org: string; bitId: string; enabled: boolean }) {
  const objectsRevision = useStore((s) => s.changeRevision);
  const pluginsRevision = useStore((s) => s.pluginsRevision);
  const showObject = useStore((s) => s.showObject);
  const toast = useStore((s) => s.toast);
  const [runs, setRuns] = useState(0);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunStats | null>(null);
  const [runError, setRunError] = useState<ErrorInfo | null>(null);
  const key = `${org}\n${bitId}\n${objectsRevision}\n${pluginsRevision}\n${runs}`;
  const status = useApiResource<Status>(key, () => api().call('bits.status', { org }));
  const failures = useApiResource<Failures>(key, () => api().call('bits.failures', { org, bitId, limit: FAILURES_SHOWN }));
  const me = status.data?.bits.find((b) => b.id === bitId) ?? null;

  const rerun = async () => {
    setRunning(true);
    setRunError(null);
    setResult(null);
    try {
      const r = await api().call('bits.run', { org, bitIds: [bitId] });
      setResult(r);
      toast('success', `${bitId} re-ran on ${r.sources.toLocaleString()} ${r.sources === 1 ? 'source' : 'sources'}: ${r.changed.toLocaleString()} changed.`);
    } catch (e) {
      const err = ApiError.from(e);
      setRunError({ code: err.code, message: err.message, details: err.details });
    } finally {
      setRunning(false);
      setRuns((n) => n + 1);
    }
  };

  return (
    <>
      <section className="detail-section" aria-labelledby="sec-bit-activity">
        <h3 id="sec-bit-activity">Inference</h3>
        {status.status === 'error' && <ErrorBox error={status.error} compact />}
        {!status.data && status.status === 'loading' && <Spinner label="Loading the bit's status" />}
        {status.data && (
          <dl className="attr-list">
            <div className="attr-row">
              <dt>active sources</dt>
              <dd data-testid="bit-active-sources">
                {me ? me.activeSources.toLocaleString() : '—'}{' '}
                <span className="muted small">{enabled ? 'objects it currently concludes something for' : 'disabled: it concludes nothing'}</span>
              </dd>
            </div>
            <div className="attr-row">
              <dt>failures</dt>
              <dd>{me ? me.failures.toLocaleString() : '—'}</dd>
            </div>
            {status.data.lastFullRun && (
              <div className="attr-row meta">
                <dt>last full run</dt>
                <dd>
                  {formatDate(status.data.lastFullRun.startedAt)}{' '}
                  <span className="muted small">({status.data.lastFullRun.bits.length === 1 ? status.data.lastFullRun.bits[0] : `${status.data.lastFullRun.bits.length} bits`})</span>
                </dd>
              </div>
            )}
          </dl>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={running}
            aria-busy={running || undefined}
            title="Runs this bit again on every object it consumes; only changed conclusions are written"
            onClick={() => void rerun()}
          >
            {running ? 'Re-running…' : 'Re-run'}
          </button>
          {running && <Spinner label="Re-running the bit" />}
          {result && !running && (
            <span className="saved-note" role="status" data-testid="bit-run-result">
              Ran on {result.sources.toLocaleString()} {result.sources === 1 ? 'source' : 'sources'}: {result.changed.toLocaleString()} changed,{' '}
              {result.failed.toLocaleString()} failed ({Math.round(result.ms).toLocaleString()} ms)
            </span>
          )}
        </div>
        <ErrorBox error={runError} compact />
      </section>
      <section className="detail-section" aria-labelledby="sec-bit-failures">
        <h3 id="sec-bit-failures">Failures {failures.data && <span className="count">{failures.data.total.toLocaleString()}</span>}</h3>
        {failures.status === 'error' && <ErrorBox error={failures.error} compact />}
        {!failures.data && failures.status === 'loading' && <Spinner label="Loading failures" />}
        {failures.data && failures.data.items.length === 0 && <div className="muted">No failed runs: every source was evaluated.</div>}
        {failures.data && failures.data.items.length > 0 && (
          <ul className="ref-list bit-failures" aria-label="Failed runs">
            {failures.data.items.map((f) => (
              <li key={f.source} className="bit-failure">
                <button type="button" className="link-button" onClick={() => showObject(f.source)} aria-label={`Open ${f.source}`}>
                  <PkLabel pk={f.source} />
                </button>
                <div className="plugin-error">
                  <span className="error-code">{f.error.code}</span> {f.error.message} <span className="muted small">{formatDate(f.failedAt)}</span>
                </div>
              </li>
            ))}
            {failures.data.total > failures.data.items.length && (
              <li className="muted small">and {(failures.data.total - failures.data.items.length).toLocaleString()} more</li>
            )}
          </ul>
        )}
      </section>
    </>
  );
}
