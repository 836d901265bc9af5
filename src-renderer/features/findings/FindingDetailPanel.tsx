import type { FindingDetail } from '../../../src-main/api/contracts/findings';
import type { ReferenceIn } from '../../../src-main/api/types';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { PkLabel } from '../../components/PkLabel';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { ProofTree } from '../object-detail/ProofTree';
import { useApiResource } from '../object-detail/use-api-resource';

function Text({ label, value }: { label: string; value: string | null }) {
  return (
    <section className="detail-section finding-text" aria-label={label}>
      <h3>{label}</h3>
      {value ? <p>{value}</p> : <p className="muted">Not known yet: the finding type has no {label.toLowerCase()} (its metadata has not arrived).</p>}
    </section>
  );
}

/** A safe external link: only http(s) URLs are links. */
function SourceLink({ url }: { url: string | null }) {
  if (!url) return <span className="muted">—</span>;
  if (!/^https?:\/\//i.test(url)) return <span className="mono">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className="mono">
      {url}
    </a>
  );
}

/** The right-hand panel of the Findings view: what the finding means, where it is, its mute. */
export function FindingDetailPanel() {
  const org = useStore((s) => s.currentOrg);
  const pk = useStore((s) => s.openFindingPk);
  const revision = useStore((s) => s.changeRevision);
  const openFinding = useStore((s) => s.openFinding);
  const showObject = useStore((s) => s.showObject);
  const openDialog = useStore((s) => s.openDialog);
  const unmute = useStore((s) => s.unmuteFindings);
  const listed = useStore((s) => s.findingsStatus);
  const detail = useApiResource<FindingDetail>(org && pk ? `${org}\n${pk}\n${revision}\n${listed}` : null, () => api().call('findings.get', { org: org!, pk: pk! }));
  if (!org || !pk) return null;
  const d = detail.data && detail.data.finding.pk === pk ? detail.data : null;
  const ft = d?.findingType;
  const neighbours: ReferenceIn[] = d?.object?.refsIn.filter((r) => r.sourceType !== 'Finding') ?? [];

  return (
    <aside className="detail-panel finding-detail" aria-label="Finding detail">
      <header className="detail-header">
        <div className="detail-title">
          {ft && <SeverityBadge severity={ft.severity} score={ft.score} />}
          <h2 className="mono" title={pk}>
            {ft?.id ?? pk.slice(pk.lastIndexOf('|') + 1)}
          </h2>
        </div>
        <div className="detail-actions">
          <button type="button" className="icon-button" aria-label="Close detail" title="Close (Esc)" onClick={() => openFinding(null)}>
            <Icon name="close" />
          </button>
        </div>
      </header>
      <div className="detail-body">
        {detail.status === 'error' && <ErrorBox error={detail.error} compact />}
        {!d && detail.status === 'loading' && <Spinner label="Loading finding" />}
        {d && ft && (
          <>
            <section className="detail-section" aria-label="Summary">
              <div className="finding-name">{ft.name ?? <span className="muted">No name yet</span>}</div>
              <dl className="attr-list">
                <div className="attr-row">
                  <dt>severity</dt>
                  <dd>
                    <SeverityBadge severity={ft.severity} score={ft.score} /> {ft.score !== null && <span className="muted">score {ft.score}</span>}
                  </dd>
                </div>
                <div className="attr-row">
                  <dt>object</dt>
                  <dd>
                    <button type="button" className="link-button" onClick={() => showObject(d.finding.ooi.pk)} aria-label={`Open object ${d.finding.ooi.pk}`}>
                      <PkLabel pk={d.finding.ooi.pk} />
                    </button>
                  </dd>
                </div>
                {d.finding.description && (
                  <div className="attr-row">
                    <dt>found</dt>
                    <dd>{d.finding.description}</dd>
                  </div>
                )}
                {d.finding.proof && (
                  <div className="attr-row">
                    <dt>proof</dt>
                    <dd className="mono pre">{d.finding.proof}</dd>
                  </div>
                )}
                <div className="attr-row">
                  <dt>source</dt>
                  <dd>
                    <SourceLink url={ft.source} />
                  </dd>
                </div>
                <div className="attr-row meta">
                  <dt>since</dt>
                  <dd>{formatDate(d.finding.validFrom)}</dd>
                </div>
              </dl>
            </section>

            <section className="detail-section" aria-label="Mute">
              <h3>Mute</h3>
              {d.finding.muted ? (
                <div className="mute-state">
                  <p>
                    <span className="muted-tag">muted</span> {d.finding.muted.reason}
                  </p>
                  <p className="muted">{d.finding.muted.expiresAt ? `Lifts by itself on ${formatDate(d.finding.muted.expiresAt)}.` : 'Until unmuted.'}</p>
                  <div className="button-row">
                    <button type="button" className="button small" onClick={() => void unmute([pk])}>
                      Unmute
                    </button>
                    <button type="button" className="button small" onClick={() => openDialog({ kind: 'muteFindings', pks: [pk] })}>
                      Change…
                    </button>
                  </div>
                </div>
              ) : (
                <div className="mute-state">
                  <p className="muted">Not muted: shown in the findings list.</p>
                  <button type="button" className="button small" onClick={() => openDialog({ kind: 'muteFindings', pks: [pk] })}>
                    Mute…
                  </button>
                </div>
              )}
            </section>

            <Text label="Description" value={ft.description} />
            <Text label="Impact" value={ft.impact} />
            <Text label="Recommendation" value={ft.recommendation} />

            <section className="detail-section" aria-labelledby="sec-neighbourhood">
              <h3 id="sec-neighbourhood">The object and its neighbourhood</h3>
              {!d.object ? (
                <div className="muted">The object no longer exists.</div>
              ) : (
                <ul className="ref-list neighbourhood" aria-label="Neighbourhood">
                  {d.object.refsOut.map((r) => (
                    <li key={`out.${r.attr}`}>
                      <span className="ref-group-name">{r.attr}</span>{' '}
                      <button type="button" className="link-button" onClick={() => showObject(r.target)} disabled={!r.exists} aria-label={`Open ${r.target}`}>
                        <PkLabel pk={r.target} />
                      </button>
                    </li>
                  ))}
                  {neighbours.map((r: ReferenceIn) => (
                    <li key={`in.${r.source}.${r.attr}`}>
                      <span className="ref-group-name">{r.reverseName}</span>{' '}
                      <button type="button" className="link-button" onClick={() => showObject(r.source)} aria-label={`Open ${r.source}`}>
                        <PkLabel pk={r.source} />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section className="detail-section" aria-labelledby="sec-finding-proof">
              <h3 id="sec-finding-proof">Why this finding exists</h3>
              <ProofTree org={org} pk={pk} onOpen={showObject} />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
