import type { FindingRef, ReportSeverity } from '../../../src-main/reports/types';
import type { ReportsResults } from '../../../src-main/api/contracts/reports';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';
import { SEVERITIES_DESC } from './report-format';

const SHOWN = 50;

function asSeverity(s: string): ReportSeverity {
  return (SEVERITIES_DESC as readonly string[]).includes(s) ? (s as ReportSeverity) : 'unknown';
}

const bySeverity = (a: FindingRef, b: FindingRef) => SEVERITIES_DESC.indexOf(asSeverity(a.severity)) - SEVERITIES_DESC.indexOf(asSeverity(b.severity)) || a.pk.localeCompare(b.pk);

function Group({ kind, title, items, hint }: { kind: 'new' | 'fixed' | 'open'; title: string; items: readonly FindingRef[]; hint: string }) {
  const showFinding = useStore((s) => s.showFinding);
  const sorted = [...items].sort(bySeverity);
  return (
    <div className={`change-group change-${kind}`} role="group" aria-label={`${title} findings`}>
      <h4>
        {title} <span className="count" data-testid={`changes-${kind}`}>{items.length.toLocaleString()}</span>
      </h4>
      {items.length === 0 ? (
        <div className="muted small">{hint}</div>
      ) : (
        <ul className="change-list">
          {sorted.slice(0, SHOWN).map((f) => (
            <li key={f.pk}>
              <SeverityBadge severity={asSeverity(f.severity)} />
              <span className="mono ft-id">{f.findingType}</span>
              {kind === 'fixed' ? (
                <PkLabel pk={f.ooi} />
              ) : (
                <button type="button" className="link-button" aria-label={`Open finding ${f.pk}`} title={f.pk} onClick={() => showFinding(f.pk)}>
                  <PkLabel pk={f.ooi} />
                </button>
              )}
            </li>
          ))}
          {items.length > SHOWN && <li className="muted small">and {(items.length - SHOWN).toLocaleString()} more</li>}
        </ul>
      )}
    </div>
  );
}

/** "Changes since the previous report" of the same type and inputs: new, fixed and still-open findings. */
export function ChangesPanel({ org, id }: { org: string; id: string }) {
  const revision = useStore((s) => s.reportsRevision);
  const openReport = useStore((s) => s.openReport);
  const res = useApiResource<ReportsResults['reports.changes']>(`${org}\n${id}\n${revision}`, () => api().call('reports.changes', { org, id }));
  return (
    <section className="report-side-section changes-panel" aria-labelledby="sec-changes">
      <h3 id="sec-changes">Changes since previous report</h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!res.data && res.status === 'loading' && <Spinner label="Comparing" />}
      {res.data && res.data.previousId === null && (
        <div className="muted" data-testid="changes-none">
          No earlier report of this type on these inputs: the next one will show what is new, fixed and still open.
        </div>
      )}
      {res.data && res.data.previousId !== null && (
        <button type="button" className="link-button small" onClick={() => openReport(res.data!.previousId!)}>
          Open the previous report
        </button>
      )}
      {res.data && (
        <div className="change-groups">
          <Group kind="new" title="New" items={res.data.new} hint="Nothing new." />
          <Group kind="fixed" title="Fixed" items={res.data.fixed} hint="Nothing fixed." />
          <Group kind="open" title="Still open" items={res.data.stillOpen} hint="Nothing carried over." />
        </div>
      )}
    </section>
  );
}
