import type { KeyboardEvent } from 'react';
import type { ReportType, ReportTypeInfo } from '../../../src-main/reports/types';

interface Props {
  types: readonly ReportTypeInfo[];
  value: ReportType | null;
  onChange(type: ReportType): void;
}

/** The report types as cards with their descriptions; arrow keys move the choice (a radio group). */
export function TypePicker({ types, value, onChange }: Props) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!dir || types.length === 0) return;
    e.preventDefault();
    const i = Math.max(0, types.findIndex((t) => t.type === value));
    const next = types[(i + dir + types.length) % types.length]!;
    onChange(next.type);
    e.currentTarget.querySelector<HTMLElement>(`[data-type="${next.type}"]`)?.focus();
  };
  return (
    <div className="type-cards" role="radiogroup" aria-label="Report type" onKeyDown={onKey}>
      {types.map((t, i) => {
        const on = t.type === value;
        const boefjes = t.plugins.filter((p) => p.required && p.kind === 'boefje').map((p) => p.id);
        const others = t.plugins.filter((p) => p.required && p.kind !== 'boefje').length;
        const needs = t.plugins.filter((p) => p.required).map((p) => `${p.id} (${p.kind})`).join(', ');
        return (
          <button
            key={t.type}
            type="button"
            role="radio"
            aria-checked={on}
            data-type={t.type}
            tabIndex={on || (value === null && i === 0) ? 0 : -1}
            className={`type-card${on ? ' on' : ''}${t.type === 'aggregate' ? ' aggregate' : ''}`}
            onClick={() => onChange(t.type)}
          >
            <span className="type-card-name">{t.name}</span>
            <span className="type-card-desc">{t.description}</span>
            <span className="type-card-meta muted small" title={needs ? `Needs ${needs}` : 'Needs no plugin'}>
              {t.inputTypes.length ? `on ${t.inputTypes.join(', ')}` : 'on any object'}
              {boefjes.length > 0 && ` · scans with ${boefjes.join(', ')}`}
              {others > 0 && ` (+${others} ${others === 1 ? 'normalizer or bit' : 'normalizers and bits'})`}
            </span>
          </button>
        );
      })}
    </div>
  );
}
