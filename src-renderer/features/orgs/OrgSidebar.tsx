import { useStore } from '../../stores/store';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { formatCount } from '../../components/format';
import { ClearanceSummary } from '../clearance/ClearanceSummary';
import { ViewNav } from '../shell/ViewNav';

/** The organisation picker: every organisation, the current one highlighted. */
export function OrgSidebar() {
  const orgs = useStore((s) => s.orgs);
  const status = useStore((s) => s.orgsStatus);
  const error = useStore((s) => s.orgsError);
  const current = useStore((s) => s.currentOrg);
  const selectOrg = useStore((s) => s.selectOrg);
  const openDialog = useStore((s) => s.openDialog);
  const loadOrgs = useStore((s) => s.loadOrgs);

  return (
    <nav className="sidebar" aria-label="Navigation">
      <div className="sidebar-header">
        <span className="brand" aria-label="Kattegat">
          <span className="brand-mark" aria-hidden="true" />
          Kattegat
        </span>
      </div>
      {current && <ViewNav />}
      <div className="sidebar-section-title">Organisations</div>
      <ul className="org-list">
        {status === 'loading' && <li><Spinner label="Loading organisations" /></li>}
        {status === 'error' && <li><ErrorBox error={error} onRetry={() => void loadOrgs()} compact /></li>}
        {status === 'ready' && orgs.length === 0 && <li className="sidebar-empty">No organisations yet.</li>}
        {orgs.map((o) => (
          <li key={o.code}>
            <button
              type="button"
              className={`org-item${o.code === current ? ' active' : ''}`}
              aria-current={o.code === current ? 'true' : undefined}
              aria-label={`Organisation ${o.name} (${o.code})`}
              onClick={() => selectOrg(o.code)}
            >
              <span className="org-avatar" aria-hidden="true">
                {o.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="org-names">
                <span className="org-name">{o.name}</span>
                <span className="org-code">{o.code}</span>
              </span>
              <span className="org-count" title="objects">
                {formatCount(o.objectCount)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        <ClearanceSummary />
        <button type="button" className="button ghost full" onClick={() => openDialog({ kind: 'createOrg' })}>
          + New organisation
        </button>
      </div>
    </nav>
  );
}
