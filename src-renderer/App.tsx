import { useEffect } from 'react';
import { Spinner } from './components/Spinner';
import { Toasts } from './components/Toasts';
import { ErrorBox } from './components/ErrorBox';
import { ObjectDetailPanel } from './features/object-detail/ObjectDetailPanel';
import { ObjectsView } from './features/objects/ObjectsView';
import { NoOrganisations } from './features/orgs/NoOrganisations';
import { OrgSidebar } from './features/orgs/OrgSidebar';
import { DialogHost } from './features/shell/DialogHost';
import { StatusBar } from './features/shell/StatusBar';
import { useShortcuts } from './features/shell/use-shortcuts';
import { useTheme } from './features/shell/use-theme';
import { connectEvents } from './stores/events';
import { useStore } from './stores/store';

function MainPane() {
  const status = useStore((s) => s.orgsStatus);
  const hasOrgs = useStore((s) => s.orgs.length > 0);
  const error = useStore((s) => s.orgsError);
  const loadOrgs = useStore((s) => s.loadOrgs);
  if (status === 'idle' || (status === 'loading' && !hasOrgs)) {
    return (
      <div className="center-fill">
        <Spinner label="Starting" />
      </div>
    );
  }
  if (status === 'error' && !hasOrgs) {
    return (
      <div className="center-fill">
        <div className="startup-error">
          <h2>Kattegat could not load your organisations</h2>
          <ErrorBox error={error} onRetry={() => void loadOrgs()} />
        </div>
      </div>
    );
  }
  if (!hasOrgs) return <NoOrganisations />;
  return <ObjectsView />;
}

export function App() {
  const toasts = useStore((s) => s.toasts);
  const dismissToast = useStore((s) => s.dismissToast);
  const detailOpen = useStore((s) => s.openPk !== null);
  useTheme();
  useShortcuts();

  useEffect(() => {
    const off = connectEvents();
    const s = useStore.getState();
    void s.loadOrgs();
    void s.loadTypes();
    void s.loadSystemInfo();
    return off;
  }, []);

  return (
    <div className={`app${detailOpen ? ' with-detail' : ''}`}>
      <OrgSidebar />
      <main className="main">
        <MainPane />
      </main>
      {detailOpen && <ObjectDetailPanel />}
      <StatusBar />
      <DialogHost />
      <Toasts toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}
