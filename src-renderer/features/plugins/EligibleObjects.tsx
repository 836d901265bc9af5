import type { ScansResults } from '../../../src-main/api/contracts/scans';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';

/** The objects a boefje may run on now: of a type it consumes, at or above its level. */
export function EligibleObjects({ org, pluginId, scanLevel }: { org: string; pluginId: string; scanLevel: number | null }) {
  const revision = useStore((s) => s.levelsRevision);
  const showObject = useStore((s) => s.showObject);
  const res = useApiResource<ScansResults['scans.eligibleObjects']>(`${org}\n${pluginId}\n${revision}`, () =>
    api().call('scans.eligibleObjects', { org, pluginId, limit: 25 }),
  );
  return (
    <section className="detail-section" aria-labelledby="sec-eligible">
      <h3 id="sec-eligible">May run on {res.data && <span className="count">{res.data.total.toLocaleString()}</span>}</h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!res.data && res.status === 'loading' && <Spinner label="Loading objects" />}
      {res.data && res.data.items.length === 0 && (
        <div className="muted">No object qualifies: declare L{scanLevel ?? '?'} or higher on an object of a type this boefje consumes.</div>
      )}
      {res.data && res.data.items.length > 0 && (
        <ul className="ref-list">
          {res.data.items.map((o) => (
            <li key={o.pk}>
              <button type="button" className="link-button" onClick={() => showObject(o.pk)} aria-label={`Open ${o.pk}`}>
                <PkLabel pk={o.pk} />
              </button>
            </li>
          ))}
          {res.data.total > res.data.items.length && <li className="muted small">and {(res.data.total - res.data.items.length).toLocaleString()} more</li>}
        </ul>
      )}
    </section>
  );
}
