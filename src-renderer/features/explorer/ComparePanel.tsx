import { useState } from 'react';
import { labelOf } from '../../../src-main/explorer/elements';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { clearCompare, compareTimes } from './actions';
import { explorerController } from './controller';

const fmt = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** datetime-local value (local time) <-> ISO */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Compare two valid times: what was added, removed and changed, attribute by attribute. */
export function ComparePanel({ points }: { points: string[] }) {
  const cmp = useStore((s) => s.explorerCompare);
  const asOf = useStore((s) => s.explorerAsOf);
  const busy = useStore((s) => s.explorerBusy);
  const [from, setFrom] = useState(toLocalInput(points[0] ?? null));
  const [to, setTo] = useState(toLocalInput(asOf ?? new Date().toISOString()));
  const go = (pk: string) => explorerController().focus(pk);
  const fromIso = fromLocalInput(from);
  const toIso = fromLocalInput(to);

  return (
    <div className="compare-panel">
      <form
        aria-label="Compare two times"
        onSubmit={(e) => {
          e.preventDefault();
          if (fromIso && toIso) void compareTimes(fromIso, toIso);
        }}
      >
        <label className="form-field">
          <span>From</span>
          <input type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} aria-label="Compare from" />
        </label>
        <label className="form-field">
          <span>To</span>
          <input type="datetime-local" step={1} value={to} onChange={(e) => setTo(e.target.value)} aria-label="Compare to" />
        </label>
        <div className="node-actions">
          <button type="submit" className="button small primary" disabled={!fromIso || !toIso || !!busy}>
            Compare
          </button>
          {cmp && (
            <button type="button" className="button small ghost" onClick={clearCompare}>
              Clear comparison
            </button>
          )}
        </div>
      </form>
      {cmp && (
        <div className="compare-result" role="region" aria-label="Differences">
          <div className="muted small">
            {formatDate(cmp.from)} → {formatDate(cmp.to)}
          </div>
          <div className="compare-counts">
            <span className="cmp added">{cmp.added.length} added</span>
            <span className="cmp removed">{cmp.removed.length} removed</span>
            <span className="cmp changed">{cmp.changed.length} changed</span>
            <span className="cmp">
              edges +{cmp.edgesAdded.length} / −{cmp.edgesRemoved.length}
            </span>
          </div>
          {cmp.added.length + cmp.removed.length + cmp.changed.length + cmp.edgesAdded.length + cmp.edgesRemoved.length === 0 && <div className="muted">Nothing changed between these times.</div>}
          <ul className="compare-list" aria-label="Changes">
            {cmp.added.map((pk) => (
              <li key={`a${pk}`} className="cmp-row added">
                <button type="button" className="link-button" onClick={() => go(pk)}>
                  + {labelOf(pk)}
                </button>
              </li>
            ))}
            {cmp.removed.map((pk) => (
              <li key={`r${pk}`} className="cmp-row removed">
                <button type="button" className="link-button" onClick={() => go(pk)}>
                  − {labelOf(pk)}
                </button>
              </li>
            ))}
            {cmp.changed.map((c) => (
              <li key={`c${c.pk}`} className="cmp-row changed">
                <button type="button" className="link-button" onClick={() => go(c.pk)}>
                  ~ {labelOf(c.pk)}
                </button>
                <table className="cmp-changes">
                  <tbody>
                    {c.changes.map((ch) => (
                      <tr key={ch.field}>
                        <th>{ch.field}</th>
                        <td className="mono before">{fmt(ch.before)}</td>
                        <td className="mono after">{fmt(ch.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
            {cmp.edgesAdded.map((e) => (
              <li key={`ea${e.id}`} className="cmp-row added small">
                + {labelOf(e.source)} —{e.attr}→ {labelOf(e.target)}
              </li>
            ))}
            {cmp.edgesRemoved.map((e) => (
              <li key={`er${e.id}`} className="cmp-row removed small">
                − {labelOf(e.source)} —{e.attr}→ {labelOf(e.target)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
