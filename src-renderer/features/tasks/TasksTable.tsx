import type { TaskInfo } from '../../../src-main/api/contracts/scans';
import { PkLabel } from '../../components/PkLabel';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDuration, formatRelative } from '../../components/format';
import { moveBetweenRows } from '../../components/row-keys';

interface Props {
  tasks: readonly TaskInfo[];
  openId: string | null;
  onOpen(id: string): void;
  onOpenObject(pk: string): void;
}

/** Tasks as a table; arrow keys move between rows, Enter opens. */
export function TasksTable({ tasks, openId, onOpen, onOpenObject }: Props) {
  return (
    <table className="data-table tasks-table" aria-label="Tasks">
      <thead>
        <tr>
          <th className="col-status">Status</th>
          <th className="col-kind c-kind">Kind</th>
          <th>Plugin</th>
          <th>Input object</th>
          <th className="col-time c-created">Created</th>
          <th className="col-duration">Duration</th>
          <th>Error</th>
        </tr>
      </thead>
      <tbody onKeyDown={moveBetweenRows}>
        {tasks.map((t) => (
          <tr
            key={t.id}
            tabIndex={0}
            className={t.id === openId ? 'open' : undefined}
            aria-selected={t.id === openId}
            onClick={() => onOpen(t.id)}
            onKeyDown={(e) => e.key === 'Enter' && onOpen(t.id)}
          >
            <td>
              <StatusBadge status={t.status} />
            </td>
            <td className="c-kind">
              <span className={`kind-chip kind-${t.kind}`}>{t.kind}</span>
            </td>
            <td className="mono">{t.pluginId}</td>
            <td className="cell-pk">
              {t.inputPk ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Open ${t.inputPk}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpenObject(t.inputPk!);
                  }}
                >
                  <PkLabel pk={t.inputPk} />
                </button>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="muted c-created" title={formatDate(t.createdAt)}>
              {formatRelative(t.createdAt)}
            </td>
            <td className="muted num">{formatDuration(t.durationMs)}</td>
            <td className="cell-error" title={t.error ? `${t.error.code}: ${t.error.message}` : undefined}>
              {t.error && (
                <>
                  <span className="error-code">{t.error.code}</span> <span className="muted">{t.error.message}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
