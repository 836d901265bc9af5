import type { FindingPage } from '../../../src-main/api/contracts/findings';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from './use-api-resource';

const LIMIT = 50;

/**
 * The findings on this object and on its related objects (for a hostname: its records, IPs,
 * ports, services, websites, resources, headers and certificate), muted ones marked.
 */
export function ObjectFindingsSection({ org, pk }: { org: string; pk: string }) {
  const revision = useStore((s) => s.changeRevision);
  const showFinding = useStore((s) => s.showFinding);
  const res = useApiResource<FindingPage>(`${org}\n${pk}\n${revision}`, () => api().call('findings.list', { org, ooi: pk, muted: 'all', limit: LIMIT }));
  const page = res.data;
  return (
    <section className="detail-section" aria-labelledby="sec-findings">
      <h3 id="sec-findings">
        Findings {page && <span className="count">{page.total.toLocaleString()}</span>}
      </h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!page && res.status === 'loading' && <Spinner label="Loading findings" />}
      {page && page.items.length === 0 && <div className="muted">No findings on this object or the objects behind it.</div>}
      {page && page.items.length > 0 && (
        <ul className="object-findings" aria-label="Findings on this object and related objects">
          {page.items.map((f) => (
            <li key={f.pk} className={f.muted ? 'is-muted' : undefined}>
              <SeverityBadge severity={f.findingType.severity} score={f.findingType.score} />
              <button type="button" className="link-button mono" onClick={() => showFinding(f.pk)} aria-label={`Open finding ${f.pk}`}>
                {f.findingType.id}
              </button>
              {f.ooi.pk !== pk && (
                <span className="via muted">
                  on <PkLabel pk={f.ooi.pk} />
                </span>
              )}
              {f.muted && <span className="muted-tag">muted</span>}
            </li>
          ))}
        </ul>
      )}
      {page && page.total > page.items.length && <div className="muted">Showing {page.items.length} of {page.total}; the Findings page lists them all.</div>}
    </section>
  );
}
