import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { isTaskFilterSet, NO_TASK_FILTER } from '../../stores/tasks-slice';
import { TasksTable } from './TasksTable';
import { TasksToolbar } from './TasksToolbar';

/** Every boefje and normalizer run of the organisation, live. */
export function TasksView() {
  const tasks = useStore((s) => s.tasks);
  const status = useStore((s) => s.tasksStatus);
  const error = useStore((s) => s.tasksError);
  const filtered = useStore((s) => isTaskFilterSet(s.taskFilter));
  const openId = useStore((s) => s.openTaskId);
  const openTask = useStore((s) => s.openTask);
  const showObject = useStore((s) => s.showObject);
  const loadTasks = useStore((s) => s.loadTasks);
  const setFilter = useStore((s) => s.setTaskFilter);
  const openDialog = useStore((s) => s.openDialog);
  const setView = useStore((s) => s.setView);

  return (
    <section className="tasks-view" aria-label="Tasks">
      <header className="view-header">
        <div className="view-title">
          <h1>Tasks</h1>
          <span className="muted">scans and the normalizers that read their output</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button" onClick={() => openDialog({ kind: 'uploadRaw' })}>
            <Icon name="upload" /> Upload raw file
          </button>
        </div>
      </header>
      <TasksToolbar />
      <div className="list-body">
        {status === 'error' && <ErrorBox error={error} onRetry={() => void loadTasks()} />}
        {status === 'loading' && tasks.length === 0 && (
          <div className="table-message">
            <Spinner label="Loading tasks" />
          </div>
        )}
        {status === 'ready' && tasks.length === 0 && !filtered && (
          <EmptyState
            icon="▷"
            title="No tasks yet"
            actions={
              <>
                <button type="button" className="button" onClick={() => setView('objects')}>
                  Go to objects
                </button>
                <button type="button" className="button" onClick={() => openDialog({ kind: 'uploadRaw' })}>
                  Upload raw file
                </button>
              </>
            }
          >
            Tasks appear when you scan an object (declare a level, enable a boefje, then “Scan now”) or upload a raw file for a normalizer.
          </EmptyState>
        )}
        {status === 'ready' && tasks.length === 0 && filtered && (
          <EmptyState
            title="No matching tasks"
            actions={
              <button type="button" className="button" onClick={() => setFilter(NO_TASK_FILTER)}>
                Clear filters
              </button>
            }
          />
        )}
        {tasks.length > 0 && <TasksTable tasks={tasks} openId={openId} onOpen={openTask} onOpenObject={showObject} />}
      </div>
    </section>
  );
}
