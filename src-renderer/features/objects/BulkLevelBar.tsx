import { useState } from 'react';
import { LEVEL_INFO } from '../../components/LevelBadge';
import { useStore } from '../../stores/store';

/** Bulk actions on the ticked rows: declare a level, reset to inherited, clear the selection. */
export function BulkLevelBar() {
  const selected = useStore((s) => s.selected);
  const setLevels = useStore((s) => s.setLevels);
  const clearSelected = useStore((s) => s.clearSelected);
  const openExplorer = useStore((s) => s.openExplorer);
  const [busy, setBusy] = useState(false);
  if (selected.size === 0) return null;

  const run = async (level: number | null) => {
    setBusy(true);
    try {
      if (await setLevels([...selected], level)) clearSelected();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <strong>{selected.size.toLocaleString()} selected</strong>
      <span className="muted">Declare level</span>
      <div className="segmented">
        {LEVEL_INFO.map((l) => (
          <button key={l.level} type="button" className="button small" disabled={busy} title={`${l.name}: ${l.text}`} onClick={() => void run(l.level)}>
            L{l.level}
          </button>
        ))}
      </div>
      <button type="button" className="button small" disabled={busy} onClick={() => void run(null)}>
        Reset to inherited
      </button>
      <span className="toolbar-spacer" />
      <button type="button" className="button small" disabled={selected.size > 5000} title="Open the selected objects in the graph explorer" onClick={() => openExplorer([...selected])}>
        Explore selection
      </button>
      <button type="button" className="button small ghost" onClick={clearSelected} title="Clear selection (Esc in the table)">
        Clear selection
      </button>
    </div>
  );
}
