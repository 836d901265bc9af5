import type { Schedule } from '../../../src-main/api/contracts/schedules';
import { Toggle } from '../../components/Toggle';
import { formatDate, formatRelative, formatUntil } from '../../components/format';
import { moveBetweenRows } from '../../components/row-keys';

interface Props {
  schedules: readonly Schedule[];
  openId: string | null;
  busyId: string | null;
  onOpen(id: string): void;
  onToggle(id: string, enabled: boolean): void;
}

/** "every day at 02:00 (UTC)", "on Hostname created", "on file boefje/nmap created", or both. */
export function whenText(s: Schedule): string {
  const parts: string[] = [];
  if (s.recurrenceText) parts.push(s.recurrenceText);
  else if (s.recurrence) parts.push(s.recurrence);
  if (s.runOn === 'file') {
    if (s.operations.includes('created')) parts.push(`on file ${s.mimeType ?? '*/*'} created`);
    else parts.push(`re-reads ${s.mimeType ?? '*/*'} files`);
  } else if (s.runOn) parts.push(`on ${s.runOn} ${s.operations.join(' / ') || 'changes'}`);
  return parts.join(' · ') || 'never (no recurrence, no trigger)';
}

function Filter({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? (
    <span className="mono filter-text" title={text}>
      {text}
    </span>
  ) : (
    <span className="muted">{empty}</span>
  );
}

/** The organisation's schedules; arrow keys move between rows, Enter opens the editor. */
export function ScheduleTable({ schedules, openId, busyId, onOpen, onToggle }: Props) {
  return (
    <table className="data-table schedules-table" aria-label="Schedules">
      <thead>
        <tr>
          <th className="col-on">On</th>
          <th className="col-name">Name</th>
          <th className="col-when">When</th>
          <th>Plugins</th>
          <th>Input</th>
          <th className="col-time">Next run</th>
          <th className="col-last">Last run</th>
        </tr>
      </thead>
      <tbody onKeyDown={moveBetweenRows}>
        {schedules.map((s) => (
          <tr
            key={s.id}
            tabIndex={0}
            className={`${s.id === openId ? 'open' : ''}${s.enabled ? '' : ' disabled-row'}`}
            aria-selected={s.id === openId}
            aria-label={s.name}
            onClick={() => onOpen(s.id)}
            onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onOpen(s.id)}
          >
            <td>
              <Toggle checked={s.enabled} label={`Enable ${s.name}`} busy={busyId === s.id} onChange={(on) => onToggle(s.id, on)} />
            </td>
            <td className="cell-name">
              <span className="name-wrap" title={s.name}>
                <span className="schedule-name">{s.name}</span>
                {s.isDefault && <span className="default-chip">default</span>}
              </span>
            </td>
            <td className="cell-when" title={whenText(s)}>
              {whenText(s)}
            </td>
            <td className="cell-filter">
              <Filter text={s.plugins} empty={s.runOn === 'file' ? 'every enabled normalizer' : 'every enabled boefje'} />
            </td>
            <td className="cell-filter">
              {s.runOn === 'file' ? <span className="mono filter-text">{s.mimeType} files</span> : <Filter text={s.input} empty="every object consumed" />}
            </td>
            <td className="muted" title={formatDate(s.nextRunAt)}>
              {s.nextRunAt ? formatUntil(s.nextRunAt) : s.enabled ? (s.runOn ? 'on events' : '—') : 'disabled'}
            </td>
            <td className="cell-last" title={s.lastResult?.text}>
              {s.lastRunAt ? (
                <>
                  <span className="muted">{formatRelative(s.lastRunAt)}</span> {s.lastResult && <span className="last-result">{s.lastResult.text}</span>}
                </>
              ) : (
                <span className="muted">never</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
