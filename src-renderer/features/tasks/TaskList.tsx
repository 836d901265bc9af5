import type { TaskInfo } from '../../../src-main/api/contracts/scans';
import { PkLabel } from '../../components/PkLabel';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDuration, formatRelative } from '../../components/format';

interface Props {
  tasks: readonly TaskInfo[];
  onOpen(id: string): void;
  /** shown per row unless the list is about one object */
  showInput?: boolean;
  /** shown per row unless the list is about one plugin */
  showPlugin?: boolean;
}

/** A compact list of tasks for the object and plugin details. */
export function TaskList({ tasks, onOpen, showInput = true, showPlugin = true }: Props) {
  return (
    <ul className="task-list">
      {tasks.map((t) => (
        <li key={t.id}>
          <button type="button" className="task-list-item" onClick={() => onOpen(t.id)} aria-label={`Open task ${t.pluginId} ${t.status}`}>
            <StatusBadge status={t.status} />
            {showPlugin && <span className="task-list-plugin">{t.pluginId}</span>}
            {showInput && t.inputPk && (
              <span className="task-list-input">
                <PkLabel pk={t.inputPk} />
              </span>
            )}
            <span className="task-list-meta muted" title={formatDate(t.createdAt)}>
              {formatRelative(t.createdAt)}
              {t.durationMs !== null && ` · ${formatDuration(t.durationMs)}`}
            </span>
            {t.error && (
              <span className="task-list-error" title={t.error.message}>
                {t.error.code}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
