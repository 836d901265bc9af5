import type { ScansResults } from '../../../src-main/api/contracts/scans';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { TaskList } from '../tasks/TaskList';
import { useApiResource } from './use-api-resource';

const RECENT = 10;

/** The newest tasks about this object (boefjes that scanned it, normalizers of its raw files). */
export function ObjectTasksSection({ org, pk }: { org: string; pk: string }) {
  const revision = useStore((s) => s.tasksRevision);
  const showTask = useStore((s) => s.showTask);
  const showTasks = useStore((s) => s.showTasks);
  const res = useApiResource<ScansResults['tasks.list']>(`${org}\n${pk}\n${revision}`, () =>
    api().call('tasks.list', { org, inputPk: pk, limit: RECENT }),
  );
  return (
    <section className="detail-section" aria-labelledby="sec-tasks">
      <h3 id="sec-tasks">
        Tasks {res.data && <span className="count">{res.data.total.toLocaleString()}</span>}
      </h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!res.data && res.status === 'loading' && <Spinner label="Loading tasks" />}
      {res.data && res.data.items.length === 0 && <div className="muted">No task has run on this object yet.</div>}
      {res.data && res.data.items.length > 0 && <TaskList tasks={res.data.items} onOpen={showTask} showInput={false} />}
      {res.data && res.data.total > res.data.items.length && (
        <button type="button" className="link-button small" onClick={() => showTasks({ inputPk: pk })}>
          All {res.data.total.toLocaleString()} in Tasks
        </button>
      )}
    </section>
  );
}
