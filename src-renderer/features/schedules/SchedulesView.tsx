import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { ScheduleTable } from './ScheduleTable';

/** When boefjes run by themselves: recurrences and triggers, with filters over plugins and objects. */
export function SchedulesView() {
  const schedules = useStore((s) => s.schedules);
  const status = useStore((s) => s.schedulesStatus);
  const error = useStore((s) => s.schedulesError);
  const openId = useStore((s) => s.openScheduleId);
  const openSchedule = useStore((s) => s.openSchedule);
  const loadSchedules = useStore((s) => s.loadSchedules);
  const enableSchedule = useStore((s) => s.enableSchedule);
  const tasksRevision = useStore((s) => s.tasksRevision);
  const [busy, setBusy] = useState<string | null>(null);

  // a schedule that ran queued tasks: its last and next run moved
  useEffect(() => {
    if (tasksRevision > 0) void loadSchedules();
  }, [tasksRevision, loadSchedules]);

  const toggle = async (id: string, on: boolean) => {
    setBusy(id);
    try {
      await enableSchedule(id, on);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="schedules-view" aria-label="Schedules">
      <header className="view-header">
        <div className="view-title">
          <h1>Schedules</h1>
          <span className="muted">when boefjes run by themselves, and on what</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button primary" onClick={() => openSchedule('new')}>
            <Icon name="plus" /> New schedule
          </button>
        </div>
      </header>
      <div className="list-body">
        {status === 'error' && <ErrorBox error={error} onRetry={() => void loadSchedules()} />}
        {(status === 'loading' || status === 'idle') && schedules.length === 0 && (
          <div className="table-message">
            <Spinner label="Loading schedules" />
          </div>
        )}
        {status === 'ready' && schedules.length === 0 && (
          <EmptyState
            icon="◷"
            title="No schedules"
            actions={
              <button type="button" className="button" onClick={() => openSchedule('new')}>
                New schedule
              </button>
            }
          >
            Without a schedule nothing scans by itself: only “Scan now” on an object queues boefjes.
          </EmptyState>
        )}
        {schedules.length > 0 && <ScheduleTable schedules={schedules} openId={openId} busyId={busy} onOpen={openSchedule} onToggle={(id, on) => void toggle(id, on)} />}
      </div>
    </section>
  );
}
