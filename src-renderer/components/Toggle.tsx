interface Props {
  checked: boolean;
  label: string;
  disabled?: boolean;
  busy?: boolean;
  onChange(next: boolean): void;
  showLabel?: boolean;
}

/** An on/off switch (a checkbox with role="switch"), keyboard operable with Space. */
export function Toggle({ checked, label, disabled, busy, onChange, showLabel }: Props) {
  return (
    <label className={`toggle${checked ? ' on' : ''}${disabled ? ' disabled' : ''}${busy ? ' busy' : ''}`} onClick={(e) => e.stopPropagation()}>
      <input type="checkbox" role="switch" checked={checked} disabled={disabled || busy} aria-label={label} onChange={(e) => onChange(e.target.checked)} />
      <span className="toggle-track" aria-hidden="true">
        <span className="toggle-thumb" />
      </span>
      {showLabel && <span className="toggle-label">{checked ? 'Enabled' : 'Disabled'}</span>}
    </label>
  );
}
