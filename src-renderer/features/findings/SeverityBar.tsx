import type { Severity, SeverityCounts } from '../../../src-main/api/contracts/findings';
import { severityLabel } from '../../components/SeverityBadge';
import { SEVERITY_ORDER } from '../../stores/findings-slice';

interface Props {
  counts: SeverityCounts | null;
  selected: readonly Severity[];
  onToggle(s: Severity): void;
}

/** Counts per severity as a proportional bar and toggleable chips: a click filters on that severity. */
export function SeverityBar({ counts, selected, onToggle }: Props) {
  const total = counts ? SEVERITY_ORDER.reduce((n, s) => n + counts[s], 0) : 0;
  return (
    <div className="severity-summary">
      <div className="severity-bar" aria-hidden="true">
        {counts &&
          total > 0 &&
          SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => <span key={s} className={`severity-bar-part sev-bg-${s}`} style={{ flexGrow: counts[s] }} />)}
      </div>
      <div className="chips severity-chips" role="group" aria-label="Filter by severity">
        {SEVERITY_ORDER.map((s) => {
          const on = selected.includes(s);
          const n = counts?.[s] ?? 0;
          return (
            <button
              key={s}
              type="button"
              className={`chip severity-chip sev-chip-${s}${on ? ' on' : ''}${n === 0 ? ' empty' : ''}`}
              aria-pressed={on}
              onClick={() => onToggle(s)}
            >
              <span className={`sev-dot sev-bg-${s}`} aria-hidden="true" />
              {severityLabel(s)}
              <span className="chip-count">{n.toLocaleString()}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
