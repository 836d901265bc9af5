import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { OriginBadge } from '../../components/Badge';
import { LevelBadge } from '../../components/LevelBadge';
import { SeverityBadge } from '../../components/SeverityBadge';
import { useStore } from '../../stores/store';
import { openGraph, selectNode, toggleNode } from './actions';
import { explorerController } from './controller';
import { matchesSearch, passesFilters } from './graph-model';

const ROW_HEIGHT = 30;

/**
 * The table of the explored graph: the fallback when there is more than the canvas draws, and a
 * second view of the drawing otherwise. Selection is shared with the canvas both ways.
 */
export function NodeTable() {
  const revision = useStore((s) => s.explorerRevision);
  const filters = useStore((s) => s.explorerFilters);
  const search = useStore((s) => s.explorerSearch);
  const selected = useStore((s) => s.explorerSelected);
  const overBudget = useStore((s) => s.explorerOverBudget);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const c = explorerController();
    const start = new Set(c.model.start);
    return [...c.model.nodes.values()]
      .filter((n) => passesFilters(n, filters, start.has(n.id)) && !c.hidden.has(n.id))
      .sort((a, b) => (a.hop ?? 0) - (b.hop ?? 0) || a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model changes with the revision
  }, [revision, filters]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const selectedIndex = selected ? rows.findIndex((r) => r.id === selected) : -1;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the selection only
  }, [selectedIndex]);

  const pick = (id: string) => {
    selectNode(id);
    explorerController().focus(id);
  };

  return (
    <div className="explorer-table" role="grid" aria-label="Explored objects" aria-rowcount={rows.length}>
      <div className="explorer-table-head row-x" role="row">
        <span role="columnheader">Type</span>
        <span role="columnheader">Object</span>
        <span role="columnheader">Level</span>
        <span role="columnheader">Findings</span>
        <span role="columnheader">Origins</span>
        <span role="columnheader">Hops</span>
      </div>
      <div
        ref={scroller}
        className="explorer-table-body"
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'j' || e.key === 'ArrowUp' || e.key === 'k') {
            e.preventDefault();
            const d = e.key === 'ArrowDown' || e.key === 'j' ? 1 : -1;
            const next = rows[Math.max(0, Math.min(rows.length - 1, selectedIndex + d))];
            if (next) pick(next.id);
          } else if (e.key === 'Enter' && selected) {
            e.preventDefault();
            if (overBudget) void openGraph([selected]);
            else void toggleNode(selected);
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const n = rows[v.index]!;
            return (
              <div
                key={n.id}
                role="row"
                aria-selected={n.id === selected}
                className={`explorer-table-row row-x${n.id === selected ? ' selected' : ''}${search && matchesSearch(n, search) ? ' match' : ''}`}
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                onClick={() => pick(n.id)}
                onDoubleClick={() => (overBudget ? void openGraph([n.id]) : void toggleNode(n.id))}
              >
                <span role="gridcell" className="type-chip">
                  {n.type}
                </span>
                <span role="gridcell" className="mono cell-label" title={n.id}>
                  {n.label}
                </span>
                <span role="gridcell">{n.kind === 'object' ? <LevelBadge level={n.level ?? 0} kind={n.level === null ? 'empty' : n.levelInherited ? 'inherited' : 'declared'} /> : null}</span>
                <span role="gridcell">{n.severity ? <SeverityBadge severity={n.severity} /> : n.findings ? n.findings : ''}</span>
                <span role="gridcell" className="cell-origins">
                  {n.origins.map((o) => (
                    <OriginBadge key={o} kind={o} />
                  ))}
                </span>
                <span role="gridcell">{n.hop ?? ''}</span>
              </div>
            );
          })}
        </div>
        {rows.length === 0 && <div className="muted explorer-table-empty">No object passes the filters.</div>}
      </div>
    </div>
  );
}
