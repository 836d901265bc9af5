import type { ObjectDetail, ReferenceIn } from '../../../src-main/api/types';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { AsOfBar } from './AsOfBar';
import { BitSettingsSection } from './BitSettingsSection';
import { ClearanceSection } from './ClearanceSection';
import { ObjectRawSection } from './ObjectRawSection';
import { ObjectTasksSection } from './ObjectTasksSection';
import { ScanSection } from './ScanSection';
import { HistoryTimeline } from './HistoryTimeline';
import { ObjectFindingsSection } from './ObjectFindingsSection';
import { Origins } from './Origins';
import { ProofTree } from './ProofTree';
import { useApiResource } from './use-api-resource';

function Value({ value, refTarget, onOpen }: { value: unknown; refTarget?: { target: string; exists: boolean }; onOpen(pk: string): void }) {
  if (refTarget) {
    return refTarget.exists ? (
      <button type="button" className="link-button" onClick={() => onOpen(refTarget.target)} aria-label={`Open ${refTarget.target}`}>
        <PkLabel pk={refTarget.target} />
      </button>
    ) : (
      <span className="muted" title="not present">
        <PkLabel pk={refTarget.target} />
      </span>
    );
  }
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value === 'string') return <span className="mono">{value}</span>;
  return <span className="mono">{JSON.stringify(value)}</span>;
}

function groupIncoming(refs: readonly ReferenceIn[]): [string, ReferenceIn[]][] {
  const groups = new Map<string, ReferenceIn[]>();
  for (const r of refs) groups.set(r.reverseName, [...(groups.get(r.reverseName) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The right-hand panel: attributes, references both ways, origins, history, as-of viewing. */
export function ObjectDetailPanel() {
  const org = useStore((s) => s.currentOrg);
  const pk = useStore((s) => s.openPk);
  const asOf = useStore((s) => s.asOf);
  const revision = useStore((s) => s.changeRevision);
  const openObject = useStore((s) => s.openObject);
  const closeObject = useStore((s) => s.closeObject);
  const openDialog = useStore((s) => s.openDialog);
  const openExplorer = useStore((s) => s.openExplorer);

  const detail = useApiResource<ObjectDetail>(org && pk ? `${org}\n${pk}\n${asOf}\n${revision}` : null, () =>
    api().call('objects.get', { org: org!, pk: pk!, asOf: asOf ? { validTime: asOf } : undefined }),
  );

  if (!org || !pk) return null;
  const d = detail.data && detail.data.object.pk === pk ? detail.data : null;
  const refByAttr = new Map(d?.refsOut.map((r) => [r.attr, r]) ?? []);

  return (
    <aside className="detail-panel" aria-label="Object detail">
      <header className="detail-header">
        <div className="detail-title">
          <span className="type-chip">{pk.slice(0, pk.indexOf('|'))}</span>
          <h2 className="mono" title={pk}>
            {pk.slice(pk.indexOf('|') + 1)}
          </h2>
        </div>
        <div className="detail-actions">
          <button type="button" className="button small" title="Open in the graph explorer" onClick={() => openExplorer([pk])}>
            Explore
          </button>
          <button type="button" className="icon-button danger" aria-label="Delete object" title="Delete object" onClick={() => openDialog({ kind: 'deleteObject', pk })} disabled={!d || !!asOf}>
            <Icon name="trash" />
          </button>
          <button type="button" className="icon-button" aria-label="Close detail" title="Close (Esc)" onClick={closeObject}>
            <Icon name="close" />
          </button>
        </div>
      </header>
      <AsOfBar key={pk} />
      <div className="detail-body">
        {detail.status === 'error' && (
          <ErrorBox
            error={detail.error.code === 'NOT_FOUND' && asOf ? { code: 'NOT_FOUND', message: `${pk} did not exist at ${formatDate(asOf)}.` } : detail.error}
            compact
          />
        )}
        {!d && detail.status === 'loading' && <Spinner label="Loading object" />}
        {d && (
          <>
            <section className="detail-section" aria-labelledby="sec-attrs">
              <h3 id="sec-attrs">Attributes</h3>
              <dl className="attr-list">
                {Object.entries(d.object.data).map(([k, v]) => (
                  <div key={k} className="attr-row">
                    <dt>{k}</dt>
                    <dd>
                      <Value value={v} refTarget={refByAttr.get(k)} onOpen={openObject} />
                    </dd>
                  </div>
                ))}
                <div className="attr-row meta">
                  <dt>valid from</dt>
                  <dd>{formatDate(d.object.validFrom)}</dd>
                </div>
                <div className="attr-row meta">
                  <dt>recorded</dt>
                  <dd>{formatDate(d.object.txFrom)}</dd>
                </div>
              </dl>
            </section>

            {!asOf && <ObjectFindingsSection org={org} pk={pk} />}
            <ClearanceSection org={org} pk={pk} readOnly={!!asOf} />
            <ScanSection org={org} pk={pk} readOnly={!!asOf} />
            {!asOf && pk.startsWith('Network|') && <BitSettingsSection org={org} pk={pk} />}
            <ObjectTasksSection org={org} pk={pk} />
            <ObjectRawSection org={org} pk={pk} readOnly={!!asOf} />

            <section className="detail-section" aria-labelledby="sec-in">
              <h3 id="sec-in">
                Referenced by <span className="count">{(d.refsInTotal ?? d.refsIn.length).toLocaleString()}</span>
              </h3>
              {d.refsInTotal !== undefined && d.refsInTotal > d.refsIn.length && (
                <div className="muted">
                  Showing the first {d.refsIn.length.toLocaleString()} of {d.refsInTotal.toLocaleString()}; use the Objects table or a path query for the rest.
                </div>
              )}
              {d.refsIn.length === 0 ? (
                <div className="muted">Nothing refers to this object.</div>
              ) : (
                groupIncoming(d.refsIn).map(([name, refs]) => (
                  <div key={name} className="ref-group">
                    <div className="ref-group-name">{name}</div>
                    <ul className="ref-list">
                      {refs.map((r) => (
                        <li key={`${r.source}.${r.attr}`}>
                          <button type="button" className="link-button" onClick={() => openObject(r.source)} aria-label={`Open ${r.source}`}>
                            <PkLabel pk={r.source} />
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))
              )}
            </section>

            <section className="detail-section" aria-labelledby="sec-origins">
              <h3 id="sec-origins">
                Why this exists <span className="count">{d.origins.length}</span>
              </h3>
              {asOf ? <Origins pk={pk} origins={d.origins} onOpen={openObject} /> : <ProofTree org={org} pk={pk} onOpen={openObject} />}
            </section>

            <section className="detail-section" aria-labelledby="sec-history">
              <h3 id="sec-history">History</h3>
              <HistoryTimeline org={org} pk={pk} revision={revision} />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
