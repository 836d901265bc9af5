interface Chip<T extends string> {
  value: T;
  label: string;
  count?: number;
}

interface Props<T extends string> {
  label: string;
  chips: readonly Chip<T>[];
  selected: readonly T[];
  onToggle(value: T): void;
}

/** Toggleable filter chips (aria-pressed buttons) with optional counts. */
export function Chips<T extends string>({ label, chips, selected, onToggle }: Props<T>) {
  return (
    <div className="chips" role="group" aria-label={label}>
      {chips.map((c) => {
        const on = selected.includes(c.value);
        return (
          <button key={c.value} type="button" className={`chip chip-${c.value}${on ? ' on' : ''}`} aria-pressed={on} onClick={() => onToggle(c.value)}>
            {c.label}
            {c.count !== undefined && <span className="chip-count">{c.count.toLocaleString()}</span>}
          </button>
        );
      })}
    </div>
  );
}
