import { useState } from 'react';
import { LEGEND } from './cy-style';
import { MARK_COLORS } from './type-style';

const SHAPE_CLASS: Record<string, string> = { ellipse: 'round', hexagon: 'hex', diamond: 'diamond', star: 'star', octagon: 'oct', 'round-triangle': 'tri' };

/** What the shapes, colours, sizes and borders mean. */
const KEY = 'kat.explorer.legend';
function initiallyOpen(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'open';
  } catch {
    return false;
  }
}

export function Legend() {
  const [open, setOpenState] = useState(initiallyOpen);
  const setOpen = (v: boolean) => {
    setOpenState(v);
    try {
      window.localStorage.setItem(KEY, v ? 'open' : 'closed');
    } catch {
      /* the choice lasts this session */
    }
  };
  return (
    <div className={`explorer-legend${open ? '' : ' closed'}`} aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open && (
        <div className="legend-body">
          <ul className="legend-list">
            {LEGEND.families.map((f) => (
              <li key={f.id}>
                <span className={`legend-swatch ${SHAPE_CLASS[f.shape] ?? 'rect'}`} style={{ background: f.color }} aria-hidden="true" />
                {f.label}
              </li>
            ))}
            <li>
              <span className="legend-swatch collection" aria-hidden="true" />
              Collection (double-click to open)
            </li>
          </ul>
          <div className="legend-row" title="Node size and glow: the worst open finding on the object">
            <span className="legend-head">Severity</span>
            {LEGEND.severities.map((s) => (
              <span key={s.severity} className="legend-sev">
                <span className="legend-dot" style={{ background: s.color, width: s.size / 3, height: s.size / 3 }} aria-hidden="true" />
                {s.severity}
              </span>
            ))}
          </div>
          <div className="legend-row" title="Border: scan level (solid declared, dashed inherited, dotted none)">
            <span className="legend-head">Level</span>
            {LEGEND.levels.map((l) => (
              <span key={l.level} className="legend-level" style={{ borderColor: l.color, borderWidth: Math.max(1, l.width - 1), borderStyle: l.level === 0 ? 'dotted' : 'solid' }}>
                L{l.level}
              </span>
            ))}
            <span className="muted small">dashed: inherited</span>
          </div>
          <div className="legend-row">
            <span className="legend-head">Marks</span>
            {(['added', 'removed', 'changed', 'path', 'proof', 'match'] as const).map((m) => (
              <span key={m} className="legend-sev">
                <span className="legend-dot" style={{ background: MARK_COLORS[m] }} aria-hidden="true" />
                {m === 'match' ? 'search' : m}
              </span>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
