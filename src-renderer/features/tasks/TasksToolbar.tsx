import type { TaskStatus } from '../../../src-main/api/contracts/scans';
import { Chips } from '../../components/Chips';
import { TASK_PAGE_SIZE } from '../../stores/tasks-slice';
import { useStore } from '../../stores/store';
import { TaskSubjectFilters } from './TaskSubjectFilters';

/** in lifecycle order (a value import of the contract would pull zod into the renderer) */
const TASK_STATUSES: readonly TaskStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];
const LABELS: Record<TaskStatus, string> = { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

/** Status chips with counts, the kind, plugin and object filters, and paging. */
export function TasksToolbar() {
  const filter = useStore((s) => s.taskFilter);
  const counts = useStore((s) => s.taskCounts);
  const total = useStore((s) => s.tasksTotal);
  const offset = useStore((s) => s.taskOffset);
  const setFilter = useStore((s) => s.setTaskFilter);
  const setOffset = useStore((s) => s.setTaskOffset);
  const toggle = (status: TaskStatus) =>
    setFilter({ statuses: filter.statuses.includes(status) ? filter.statuses.filter((x) => x !== status) : [...filter.statuses, status] });
  const last = Math.min(total, offset + TASK_PAGE_SIZE);
  return (
    <div className="toolbar">
      <Chips
        label="Filter by status"
        chips={TASK_STATUSES.map((s) => ({ value: s, label: LABELS[s], count: counts?.[s] }))}
        selected={filter.statuses}
        onToggle={toggle}
      />
      <select aria-label="Filter by kind" className="small-select" value={filter.kind ?? ''} onChange={(e) => setFilter({ kind: (e.target.value || null) as typeof filter.kind })}>
        <option value="">All kinds</option>
        <option value="boefje">Boefjes</option>
        <option value="normalizer">Normalizers</option>
      </select>
      <TaskSubjectFilters />
      <div className="toolbar-spacer" />
      <div className="pager-group">
        <div className="object-count" aria-live="polite" data-testid="task-count">
          {total === 0 ? '0 tasks' : `${(offset + 1).toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()}`}
        </div>
        <div className="pager">
          <button type="button" className="icon-button" aria-label="Previous page" disabled={offset === 0} onClick={() => setOffset(offset - TASK_PAGE_SIZE)}>
            ‹
          </button>
          <button type="button" className="icon-button" aria-label="Next page" disabled={last >= total} onClick={() => setOffset(offset + TASK_PAGE_SIZE)}>
            ›
          </button>
        </div>
      </div>
    </div>
  );
}
