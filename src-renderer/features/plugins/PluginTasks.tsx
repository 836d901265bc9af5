import type { ScansResults } from '../../../src-main/api/contracts/scans';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';
import { TaskList } from '../tasks/TaskList';

/** The newest tasks of one plugin. */
export function PluginTasks({ org, pluginId }: { org: string; pluginId: string }) {
  const revision = useStore((s) => s.tasksRevision);
  const showTask = useStore((s) => s.showTask);
  const showTasks = useStore((s) => s.showTasks);
  const res = useApiResource<ScansResults['tasks.list']>(`${org}\n${pluginId}\n${revision}`, () => api().call('tasks.list', { org, pluginId, limit: 10 }));
  return (
    <section className="detail-section" aria-labelledby="sec-plugin-tasks">
      <h3 id="sec-plugin-tasks">Tasks {res.data && <span className="count">{res.data.total.toLocaleString()}</span>}</h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!res.data && res.status === 'loading' && <Spinner label="Loading tasks" />}
      {res.data && res.data.items.length === 0 && <div className="muted">This plugin has not run yet.</div>}
      {res.data && res.data.items.length > 0 && <TaskList tasks={res.data.items} onOpen={showTask} showPlugin={false} />}
      {res.data && res.data.total > res.data.items.length && (
        <button type="button" className="link-button small" onClick={() => showTasks({ pluginId: pluginId })}>
          All {res.data.total.toLocaleString()} in Tasks
        </button>
      )}
    </section>
  );
}
