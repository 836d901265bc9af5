import type { PlanSummary } from '../../../src-main/api/contracts/schedules';
import { plural } from '../../components/format';

const SKIPPED: readonly { key: keyof PlanSummary['skipped']; label: string }[] = [
  { key: 'grace', label: 'ran recently (grace period)' },
  { key: 'level', label: 'level too low' },
  { key: 'active', label: 'already queued or running' },
  { key: 'settings', label: 'settings missing' },
  { key: 'upToDate', label: 'already read by this normalizer version' },
];

/** What a schedule queues (or would queue): the summary line, per boefje, and why the rest is skipped. */
export function PlanSummaryView({ plan, label }: { plan: PlanSummary; label: string }) {
  // the core's text may already name what it skipped; the counts then add only the detail
  const skipped = SKIPPED.filter((s) => (plan.skipped[s.key] ?? 0) > 0);
  const textNamesSkipped = /skipped/i.test(plan.text);
  return (
    <div className="plan-summary" aria-label={label}>
      <div className="plan-text">{plan.text || plural(plan.queued, 'task')}</div>
      {plan.byPlugin.length > 0 && (
        <ul className="plan-plugins">
          {plan.byPlugin.map((p) => (
            <li key={p.pluginId}>
              <span className="mono">{p.pluginId}</span> <span className="muted">× {plural(p.tasks, 'task')}</span>{' '}
              {Object.entries(p.types).map(([type, n]) => (
                <span key={type} className="type-chip">
                  {type} {n}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && !(textNamesSkipped && skipped.length === 1) && (
        <div className="plan-skipped muted small" aria-label="Skipped">
          skipped: {skipped.map((s) => `${plan.skipped[s.key]} ${s.label}`).join(' · ')}
        </div>
      )}
    </div>
  );
}
