import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { OriginBadge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { LEVEL_INFO, LevelBadge } from '../../components/LevelBadge';
import { SeverityBadge } from '../../components/SeverityBadge';
import { useStore } from '../../stores/store';
import { ProofTree } from '../object-detail/ProofTree';
import { clearProof, collapseNode, expandCollection, expandNode, hideNodes, openGraph, selectNode, showProof } from './actions';
import { explorerController } from './controller';

/** The selected node: what it is, and what can be done with it. */
export function NodePanel() {
  const org = useStore((s) => s.currentOrg);
  const id = useStore((s) => s.explorerSelected);
  useStore((s) => s.explorerRevision);
  const expanded = useStore((s) => s.explorerExpanded);
  const start = useStore((s) => s.explorerStart);
  const proof = useStore((s) => s.explorerProof);
  const asOf = useStore((s) => s.explorerAsOf);
  const ends = useStore((s) => s.explorerPathEnds);
  const setExplorer = useStore((s) => s.setExplorer);
  const showObject = useStore((s) => s.showObject);
  const setLevels = useStore((s) => s.setLevels);
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const [listProof, setListProof] = useState(false);

  if (!id) {
    return (
      <EmptyState title="Nothing selected">
        Click a node to see it here. Double-click expands (or collapses) it; a collection node opens its members. <kbd>Delete</kbd> hides the selected node, <kbd>Esc</kbd> clears the selection.
      </EmptyState>
    );
  }
  const c = explorerController();
  const n = c.model.nodes.get(id);
  if (!n) {
    const el = c.cy?.getElementById(id);
    const label = el && el.nonempty() ? String(el.data('display') ?? id) : id;
    return (
      <div className="node-panel">
        <h2 className="node-title">{label}</h2>
        <p className="muted">Drawn for the proof or a comparison; not part of the explored graph.</p>
      </div>
    );
  }
  const isExpanded = expanded.includes(id);
  const object = n.kind === 'object';

  const scan = async () => {
    setBusy(true);
    try {
      const res = await api().call('scans.now', { org: org!, pks: [id] });
      toast(res.queued.length ? 'success' : 'info', `Scan ${n.label}: ${res.queued.length} queued, ${res.skipped.length} skipped${res.skipped[0] ? ` (${res.skipped[0].message})` : ''}.`);
    } catch (e) {
      toast('error', `Scan failed: ${ApiError.from(e).message}`);
    } finally {
      setBusy(false);
    }
  };
  const declare = async (level: number | null) => {
    setBusy(true);
    try {
      if (await setLevels([id], level)) {
        const d = await api().call('levels.get', { org: org!, pk: id });
        const next = { ...n, level: d.kind === 'empty' ? null : d.level, levelInherited: d.kind === 'inherited' };
        c.model.nodes.set(id, next);
        c.updateNodes([next]);
        setExplorer({ explorerRevision: useStore.getState().explorerRevision + 1 });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="node-panel" aria-label="Selected node">
      <div className="node-head">
        <span className="type-chip">{n.type}</span>
        {n.kind === 'collection' && <span className="type-chip">collection</span>}
        {start.includes(id) && <span className="type-chip">start</span>}
      </div>
      <h2 className="node-title mono" title={n.id}>
        {n.label}
      </h2>
      {object && <div className="mono small muted node-pk">{n.id}</div>}
      <dl className="attr-list node-facts">
        <div className="attr-row">
          <dt>level</dt>
          <dd>{object ? <LevelBadge level={n.level ?? 0} kind={n.level === null ? 'empty' : n.levelInherited ? 'inherited' : 'declared'} /> : '—'}</dd>
        </div>
        <div className="attr-row">
          <dt>findings</dt>
          <dd>
            {n.findings > 0 ? (
              <>
                {n.findings} open {n.severity && <SeverityBadge severity={n.severity} />}
              </>
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
        </div>
        {object && (
          <div className="attr-row">
            <dt>origins</dt>
            <dd className="node-origins">{n.origins.length ? n.origins.map((o) => <OriginBadge key={o} kind={o} />) : <span className="muted">—</span>}</dd>
          </div>
        )}
        {n.hop !== undefined && (
          <div className="attr-row">
            <dt>hops</dt>
            <dd>{n.hop}</dd>
          </div>
        )}
        {n.kind === 'collection' && (
          <div className="attr-row">
            <dt>members</dt>
            <dd>{(n.count ?? n.members?.length ?? 0).toLocaleString()}</dd>
          </div>
        )}
      </dl>

      <div className="node-actions" role="group" aria-label="Node actions">
        {n.kind === 'collection' ? (
          <button type="button" className="button small primary" onClick={() => void expandCollection(id)}>
            Open collection
          </button>
        ) : isExpanded ? (
          <button type="button" className="button small" onClick={() => collapseNode(id)} title="Hide what expanding added (double-click)">
            Collapse
          </button>
        ) : (
          <button type="button" className="button small primary" onClick={() => void expandNode(id)} title="Show its neighbours (double-click)">
            Expand
          </button>
        )}
        <button type="button" className="button small" onClick={() => hideNodes([id])} title="Hide (Delete)">
          Hide
        </button>
        {object && (
          <>
            <button type="button" className="button small" onClick={() => void openGraph([id])}>
              Explore from here
            </button>
            <button type="button" className="button small" onClick={() => showObject(id)}>
              Open page
            </button>
          </>
        )}
      </div>

      {object && (
        <>
          <div className="node-actions" role="group" aria-label="Path ends">
            <button type="button" className={`button small${ends.from === id ? ' on' : ''}`} onClick={() => setExplorer({ explorerPathEnds: { ...ends, from: id }, ...(ends.to ? { explorerPanel: 'paths' } : {}) })}>
              Path from here
            </button>
            <button type="button" className={`button small${ends.to === id ? ' on' : ''}`} onClick={() => setExplorer({ explorerPathEnds: { ...ends, to: id }, explorerPanel: 'paths' })}>
              Path to here
            </button>
          </div>
          {!asOf && (
            <section className="detail-section" aria-label="Scan and level">
              <h3>Scan</h3>
              <div className="node-actions">
                <button type="button" className="button small" disabled={busy} onClick={() => void scan()}>
                  Scan now
                </button>
                <div className="segmented" role="group" aria-label="Set level">
                  {LEVEL_INFO.map((l) => (
                    <button key={l.level} type="button" className={`button small${n.level === l.level && !n.levelInherited ? ' primary' : ''}`} disabled={busy} title={`Declare L${l.level}: ${l.name}`} onClick={() => void declare(l.level)}>
                      L{l.level}
                    </button>
                  ))}
                </div>
                <button type="button" className="button small ghost" disabled={busy || n.levelInherited !== false || n.level === null} onClick={() => void declare(null)}>
                  Reset
                </button>
              </div>
            </section>
          )}
          <section className="detail-section" aria-label="Why does this exist">
            <h3>Why does this exist</h3>
            <div className="node-actions">
              {proof === id ? (
                <button type="button" className="button small on" onClick={clearProof}>
                  Hide proof graph
                </button>
              ) : (
                <button type="button" className="button small" onClick={() => void showProof(id)}>
                  Draw proof graph
                </button>
              )}
              <button type="button" className="button small ghost" aria-expanded={listProof} onClick={() => setListProof(!listProof)}>
                {listProof ? 'Hide list' : 'Show as list'}
              </button>
            </div>
            {listProof && org && <ProofTree org={org} pk={id} onOpen={(pk) => (c.model.nodes.has(pk) ? (selectNode(pk), c.focus(pk)) : void openGraph([pk]))} />}
          </section>
        </>
      )}
    </div>
  );
}
