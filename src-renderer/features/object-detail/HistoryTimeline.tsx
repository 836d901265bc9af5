import { useState } from 'react';
import type { Diff, ObjectVersion } from '../../../src-main/api/types';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from './use-api-resource';

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Every version of the object, newest first; pick two to see what changed between them. */
export function HistoryTimeline({ org, pk, revision }: { org: string; pk: string; revision: number }) {
  const setAsOf = useStore((s) => s.setAsOf);
  const history = useApiResource<ObjectVersion[]>(`${org}\n${pk}\n${revision}`, () => api().call('objects.history', { org, pk }));
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [diffError, setDiffError] = useState<ErrorInfo | null>(null);

  const versions = history.data ? [...history.data].sort((a, b) => b.txFrom.localeCompare(a.txFrom)) : [];

  const toggle = (i: number) => {
    setDiff(null);
    setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].slice(-2)));
  };

  const compare = async () => {
    const [a, b] = picked.map((i) => versions[i]).sort((x, y) => x.txFrom.localeCompare(y.txFrom));
    try {
      setDiffError(null);
      setDiff(await api().call('objects.diff', { org, pk, from: { validTime: a.validFrom, txTime: a.txFrom }, to: { validTime: b.validFrom, txTime: b.txFrom } }));
    } catch (e) {
      setDiffError(ApiError.from(e));
    }
  };

  if (history.status === 'error') return <ErrorBox error={history.error} compact />;
  if (!history.data) return <Spinner label="Loading history" />;
  if (versions.length === 0) return <div className="muted">No recorded versions.</div>;

  return (
    <div className="history">
      <ol className="timeline">
        {versions.map((v, i) => (
          <li key={`${v.txFrom}-${i}`} className={`timeline-item change-${v.change}`}>
            <input type="checkbox" aria-label={`Select version of ${formatDate(v.txFrom)} for comparison`} checked={picked.includes(i)} onChange={() => toggle(i)} />
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-line">
                <span className={`change-label change-${v.change}`}>{v.change}</span>
                <span className="muted">{formatDate(v.txFrom)}</span>
              </div>
              <div className="timeline-meta muted">
                valid from {formatDate(v.validFrom)}
                {v.validTo ? ` to ${formatDate(v.validTo)}` : ''}
                {v.origin ? ` · origin ${v.origin}` : ''}
              </div>
              <button type="button" className="link-button small" onClick={() => setAsOf(v.validFrom)}>
                View as of this version
              </button>
            </div>
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <div className="diff-controls">
          <button type="button" className="button small" disabled={picked.length !== 2} onClick={() => void compare()}>
            Compare selected versions
          </button>
          {picked.length !== 2 && <span className="muted small">Tick two versions to compare them.</span>}
        </div>
      )}
      <ErrorBox error={diffError} compact />
      {diff?.object && (
        <table className="diff-table" aria-label="Changes between versions">
          <thead>
            <tr>
              <th>Attribute</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {diff.object.changes.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No attribute changed.
                </td>
              </tr>
            )}
            {diff.object.changes.map((c) => (
              <tr key={c.field}>
                <td className="mono">{c.field}</td>
                <td className="mono diff-before">{show(c.before)}</td>
                <td className="mono diff-after">{show(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
