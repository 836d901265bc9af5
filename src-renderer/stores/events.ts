import { api } from '../api/client';
import { useStore } from './store';

const COALESCE_MS = 150;

/**
 * Wires pushed events into the store: a burst of changes (an import, a scan) becomes one refresh
 * of what is on screen. Nothing polls. Returns the unsubscribe.
 */
export function connectEvents(): () => void {
  let objectsTimer: number | undefined;
  let orgsTimer: number | undefined;
  let levelsTimer: number | undefined;

  const refreshOrgsSoon = () => {
    window.clearTimeout(orgsTimer);
    orgsTimer = window.setTimeout(() => void useStore.getState().loadOrgs(), COALESCE_MS * 2);
  };

  const offEvent = api().onEvent((event) => {
    const s = useStore.getState();
    if (event.topic === 'orgs.changed') {
      refreshOrgsSoon();
      return;
    }
    if (event.org !== undefined && event.org !== s.currentOrg && event.topic !== 'objects.changed') return;
    if (event.topic === 'levels.changed') {
      window.clearTimeout(levelsTimer);
      levelsTimer = window.setTimeout(() => useStore.getState().onLevelsChanged(), COALESCE_MS);
      return;
    }
    if (event.topic === 'plugins.changed') {
      useStore.getState().onPluginsChanged();
      return;
    }
    if (event.topic === 'tasks.changed') {
      useStore.getState().onTasksChanged();
      useStore.getState().onQueueEvent(event.tasks);
      return;
    }
    if (event.topic === 'schedules.changed') {
      // the list is loaded again when the view opens; only an open list follows at once
      if (useStore.getState().view === 'schedules') void useStore.getState().loadSchedules();
      return;
    }
    if (event.topic === 'reports.changed') {
      useStore.getState().onReportsChanged({ id: event.id, change: event.change });
      return;
    }
    if (event.topic === 'raw.stored') {
      // new raw files trigger normalizer tasks; task lists follow through tasks.changed
      useStore.getState().onRawStored();
      return;
    }
    if (event.topic === 'objects.changed') {
      refreshOrgsSoon(); // object counts
      if (event.org !== s.currentOrg) return;
      window.clearTimeout(objectsTimer);
      objectsTimer = window.setTimeout(() => {
        useStore.getState().refreshVisible();
        useStore.getState().onFindingsChanged(); // mutes and findings are objects
      }, COALESCE_MS);
    }
  });

  let wasDisconnected = false;
  useStore.getState().setConnection(api().connection);
  const offConnection = api().onConnection((state) => {
    useStore.getState().setConnection(state);
    if (state === 'disconnected') wasDisconnected = true;
    if (state === 'connected' && wasDisconnected) {
      // events may have been missed while away: catch up once
      wasDisconnected = false;
      const s = useStore.getState();
      void s.loadOrgs();
      s.refreshVisible();
      s.onLevelsChanged();
      s.onTasksChanged();
      s.onPluginsChanged();
      void s.loadQueue();
      if (s.schedulesStatus !== 'idle') void s.loadSchedules();
      s.onFindingsChanged();
      if (s.reportsStatus !== 'idle') s.onReportsChanged();
    }
  });

  return () => {
    offEvent();
    offConnection();
    window.clearTimeout(objectsTimer);
    window.clearTimeout(orgsTimer);
    window.clearTimeout(levelsTimer);
  };
}
