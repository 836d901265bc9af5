import { useEffect, useMemo, useState } from 'react';
import { labelOf } from '../../../src-main/explorer/elements';
import { Chips } from '../../components/Chips';
import { useStore } from '../../stores/store';
import { clearPaths, findPaths, highlightPath } from './actions';
import { explorerController } from './controller';

/** Shortest paths between two objects (computed in the database), optionally avoiding types. */
export function PathsPanel() {
  const ends = useStore((s) => s.explorerPathEnds);
  const paths = useStore((s) => s.explorerPaths);
  const revision = useStore((s) => s.explorerRevision);
  const busy = useStore((s) => s.explorerBusy);
  const setExplorer = useStore((s) => s.setExplorer);
  const [from, setFrom] = useState(ends.from ?? '');
  const [to, setTo] = useState(ends.to ?? '');
  const [avoid, setAvoid] = useState<string[]>([]);
  const [maxHops, setMaxHops] = useState(8);
  useEffect(() => setFrom(ends.from ?? ''), [ends.from]);
  useEffect(() => setTo(ends.to ?? ''), [ends.to]);
  const { ids, types } = useMemo(() => {
    const nodes = [...explorerController().model.nodes.values()].filter((n) => n.kind === 'object');
    return { ids: nodes.map((n) => n.id).slice(0, 2000), types: [...new Set(nodes.map((n) => n.type))].sort() };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model changes with the revision
  }, [revision]);
  const ready = from.trim() && to.trim() && from.trim() !== to.trim();

  return (
    <div className="paths-panel">
      <form
        className="paths-form"
        aria-label="Find paths"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          setExplorer({ explorerPathEnds: { from: from.trim(), to: to.trim() } });
          void findPaths(from.trim(), to.trim(), avoid, maxHops);
        }}
      >
        <datalist id="explorer-drawn-objects">
          {ids.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <label className="form-field">
          <span>From</span>
          <input list="explorer-drawn-objects" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="a primary key (select a node: Path from here)" aria-label="Path from" />
        </label>
        <label className="form-field">
          <span>To</span>
          <input list="explorer-drawn-objects" value={to} onChange={(e) => setTo(e.target.value)} placeholder="a primary key" aria-label="Path to" />
        </label>
        <div className="form-field">
          <span>Avoid types</span>
          {types.length ? <Chips label="Avoid types" chips={types.map((t) => ({ value: t, label: t }))} selected={avoid} onToggle={(t) => setAvoid(avoid.includes(t) ? avoid.filter((x) => x !== t) : [...avoid, t])} /> : <span className="muted small">draw something first</span>}
        </div>
        <label className="form-field inline">
          <span>At most</span>
          <input type="number" min={1} max={12} value={maxHops} onChange={(e) => setMaxHops(Math.max(1, Math.min(12, Number(e.target.value) || 8)))} aria-label="Maximum hops" className="hops-input" />
          <span>hops</span>
        </label>
        <div className="node-actions">
          <button type="submit" className="button small primary" disabled={!ready || !!busy}>
            Find shortest paths
          </button>
          {paths && (
            <button type="button" className="button small ghost" onClick={clearPaths}>
              Clear
            </button>
          )}
        </div>
      </form>
      {paths && (
        <div className="paths-result" role="region" aria-label="Paths found">
          {paths.hops === null ? (
            <div className="muted">No path found.</div>
          ) : (
            <>
              <div className="paths-summary">
                {paths.paths.length} shortest path{paths.paths.length === 1 ? '' : 's'} of {paths.hops} hop{paths.hops === 1 ? '' : 's'}
              </div>
              <ol className="paths-list">
                {paths.paths.map((p, i) => (
                  <li key={p.edges.join(',') || i}>
                    <button type="button" className={`path-item${paths.active === i ? ' on' : ''}`} aria-pressed={paths.active === i} onClick={() => highlightPath(paths.active === i ? null : i)}>
                      {p.nodes.map((n) => labelOf(n)).join(' → ')}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </div>
  );
}
