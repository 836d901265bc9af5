import type { OriginInfo } from '../../../src-main/api/types';
import { OriginBadge } from '../../components/Badge';
import { PkLabel } from '../../components/PkLabel';
import { formatDate, plural } from '../../components/format';

/** "Why does this exist": every origin that has the object among its results. */
export function Origins({ pk, origins, onOpen }: { pk: string; origins: readonly OriginInfo[]; onOpen(pk: string): void }) {
  if (origins.length === 0) return <div className="muted">No origin supports this object any more.</div>;
  return (
    <ul className="origin-list">
      {origins.map((o) => (
        <li key={o.id} className="origin-item">
          <div className="origin-head">
            <OriginBadge kind={o.kind} />
            <span className="origin-kind">{o.kind}</span>
            <span className="muted">by</span>
            <span className="mono">{o.method}</span>
          </div>
          <dl className="origin-meta">
            <dt>Source</dt>
            <dd>
              {o.source === pk ? (
                <span className="muted">this object</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onOpen(o.source)} aria-label={`Open source ${o.source}`}>
                  <PkLabel pk={o.source} />
                </button>
              )}
            </dd>
            {o.sourceMethod && (
              <>
                <dt>Via</dt>
                <dd className="mono">{o.sourceMethod}</dd>
              </>
            )}
            {o.taskId && (
              <>
                <dt>Task</dt>
                <dd className="mono">{o.taskId}</dd>
              </>
            )}
            <dt>Since</dt>
            <dd>{formatDate(o.validFrom)}</dd>
            {o.results.length > 1 && (
              <>
                <dt>Also gave</dt>
                <dd>{plural(o.results.length - 1, 'other object')}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
