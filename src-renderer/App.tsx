import { useEffect } from 'react';
import { Spinner } from './components/Spinner';
import { Toasts } from './components/Toasts';
import { ErrorBox } from './components/ErrorBox';
import { ObjectDetailPanel } from './features/object-detail/ObjectDetailPanel';
import { ObjectsView } from './features/objects/ObjectsView';
import { EngineBanner } from './features/engine/EngineBanner';
import { PluginDetailPanel } from './features/plugins/PluginDetailPanel';
import { PluginsView } from './features/plugins/PluginsView';
import { TaskDetailPanel } from './features/tasks/TaskDetailPanel';
import { TasksView } from './features/tasks/TasksView';
import { ScheduleEditorPanel } from './features/schedules/ScheduleEditor';
import { SchedulesView } from './features/schedules/SchedulesView';
import { FindingsView } from './features/findings/FindingsView';
import { FindingDetailPanel } from './features/findings/FindingDetailPanel';
import { ExplorerView } from './features/explorer/ExplorerView';
import { ReportsView } from './features/reports/ReportsView';
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
  return <CurrentView />;
}

function CurrentView() {
  const view = useStore((s) => s.view);
  switch (view) {
    case 'objects':
      return <ObjectsView />;
    case 'findings':
      return <FindingsView />;
    case 'explorer':
      return <ExplorerView />;
    case 'plugins':
      return <PluginsView />;
    case 'tasks':
      return <TasksView />;
    case 'schedules':
      return <SchedulesView />;
    case 'reports':
      return <ReportsView />;
    default: {
      const never: never = view;
      return never;
    }
  }
}

/** The right-hand detail of the current view, if something is open in it. */
function useDetail(): 'object' | 'finding' | 'plugin' | 'task' | 'schedule' | null {
  return useStore((s) => {
    if (s.view === 'objects') return s.openPk ? 'object' : null;
    if (s.view === 'findings') return s.openFindingPk ? 'finding' : null;
    if (s.view === 'plugins') return s.openPluginId ? 'plugin' : null;
    if (s.view === 'schedules') return s.openScheduleId ? 'schedule' : null;
    if (s.view === 'explorer') return null; // the explorer has its own side panel
    if (s.view === 'reports') return null; // a report takes the whole pane
    return s.openTaskId ? 'task' : null;
  });
}

export function App() {
  const toasts = useStore((s) => s.toasts);
  const dismissToast = useStore((s) => s.dismissToast);
  const detail = useDetail();
  const hasOrgs = useStore((s) => s.orgs.length > 0);
  useTheme();
  useShortcuts();

  useEffect(() => {
    const off = connectEvents();
    const s = useStore.getState();
    void s.loadOrgs();
    void s.loadTypes();
    void s.loadSystemInfo();
    void s.checkEngine();
    return off;
  }, []);

  return (
    <div className={`app${detail && hasOrgs ? ' with-detail' : ''}`}>
      <OrgSidebar />
      <main className="main">
        <EngineBanner />
        <MainPane />
      </main>
      {hasOrgs && detail === 'object' && <ObjectDetailPanel />}
      {hasOrgs && detail === 'finding' && <FindingDetailPanel />}
      {hasOrgs && detail === 'plugin' && <PluginDetailPanel />}
      {hasOrgs && detail === 'task' && <TaskDetailPanel />}
      {hasOrgs && detail === 'schedule' && <ScheduleEditorPanel />}
      <StatusBar />
      <DialogHost />
      <Toasts toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}
