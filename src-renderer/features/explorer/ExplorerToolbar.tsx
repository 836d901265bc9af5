import { useRef, useState } from 'react';
import { useStore } from '../../stores/store';
import type { ExplorerLayout } from '../../stores/explorer-slice';
import { openGraph, setLayout, setSearch, showHidden } from './actions';
import { explorerController } from './controller';
import { exportAs, type ExportFormat } from './exports';
import { filtersActive } from './graph-model';
import { LAYOUTS, LAYOUT_LABELS } from './layouts';
import { StartSearch } from './StartSearch';

/** Start search, layout, depth, highlight search, filters, table, export. */
export function ExplorerToolbar({ filtersOpen, onToggleFilters }: { filtersOpen: boolean; onToggleFilters(): void }) {
  const layout = useStore((s) => s.explorerLayout);
  const depth = useStore((s) => s.explorerDepth);
  const start = useStore((s) => s.explorerStart);
  const search = useStore((s) => s.explorerSearch);
  const summary = useStore((s) => s.explorerSummary);
  const table = useStore((s) => s.explorerTable);
  const overBudget = useStore((s) => s.explorerOverBudget);
  const filters = useStore((s) => s.explorerFilters);
  const asOf = useStore((s) => s.explorerAsOf);
  const setExplorer = useStore((s) => s.setExplorer);
  const toast = useStore((s) => s.toast);
  const [text, setText] = useState(search);
  const matchIndex = useRef(0);
  const hasGraph = start.length > 0;

  const find = (q: string) => {
    setText(q);
    matchIndex.current = 0;
    setSearch(q);
  };
  const nextMatch = (back: boolean) => {
    const matches = setSearch(text);
    if (!matches.length) return;
    matchIndex.current = (matchIndex.current + (back ? matches.length - 1 : 1)) % matches.length;
    const id = matches[matchIndex.current]!;
    setExplorer({ explorerSelected: id });
    explorerController().focus(id);
  };
  const doExport = async (f: ExportFormat) => {
    try {
      const name = await exportAs(f, asOf);
      toast('success', `Exported ${name}`);
    } catch (e) {
      toast('error', `Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="toolbar explorer-toolbar">
      <StartSearch />
      <select aria-label="Layout" value={layout} className="small-select" disabled={!hasGraph || overBudget !== null} onChange={(e) => void setLayout(e.target.value as ExplorerLayout)}>
        {LAYOUTS.map((l) => (
          <option key={l} value={l}>
            {LAYOUT_LABELS[l]}
          </option>
        ))}
      </select>
      <select aria-label="Depth" value={depth} className="tiny-select" disabled={!hasGraph} title="Hops from the start objects when opening" onChange={(e) => void openGraph(start, { depth: Number(e.target.value) })}>
        {[1, 2, 3].map((d) => (
          <option key={d} value={d}>
            depth {d}
          </option>
        ))}
      </select>
      <div className="search-box explorer-highlight">
        <input
          data-view-search
          type="search"
          className="search-input"
          aria-label="Highlight nodes"
          placeholder="Highlight…"
          value={text}
          disabled={!hasGraph}
          onChange={(e) => find(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              nextMatch(e.shiftKey);
            } else if (e.key === 'Escape' && text) {
              e.stopPropagation();
              find('');
            }
          }}
        />
        {text && (
          <span className="match-count" data-testid="explorer-matches">
            {summary.matches} match{summary.matches === 1 ? '' : 'es'}
          </span>
        )}
      </div>
      <button type="button" className={`button small${filtersOpen || filtersActive(filters) ? ' on' : ''}`} aria-expanded={filtersOpen} onClick={onToggleFilters} disabled={!hasGraph}>
        Filters{filtersActive(filters) ? ' •' : ''}
      </button>
      {summary.hidden > 0 && (
        <button type="button" className="button small" onClick={showHidden} title="Show the nodes hidden with Delete">
          Show {summary.hidden} hidden
        </button>
      )}
      <div className="toolbar-spacer" />
      <span className="object-count" data-testid="explorer-count" aria-live="polite">
        {hasGraph && (overBudget ? `${overBudget.toLocaleString()} elements (table)` : `${summary.nodes.toLocaleString()} nodes · ${summary.edges.toLocaleString()} edges${summary.filteredOut ? ` · ${summary.filteredOut} filtered` : ''}`)}
      </span>
      <button type="button" className="button small" title="Fit the drawing to the screen (F)" onClick={() => explorerController().fit(true)} disabled={!hasGraph}>
        Fit
      </button>
      <button type="button" className={`button small${table ? ' on' : ''}`} aria-pressed={table} disabled={!hasGraph || overBudget !== null} onClick={() => setExplorer({ explorerTable: !table })} title="Table of the explored objects (T)">
        Table
      </button>
      <div className="segmented" role="group" aria-label="Export">
        {(['png', 'svg', 'graphml', 'json'] as const).map((f) => (
          <button key={f} type="button" className="button small" disabled={!hasGraph || ((f === 'png' || f === 'svg') && overBudget !== null)} onClick={() => void doExport(f)} title={f === 'png' || f === 'svg' ? `The drawing as ${f.toUpperCase()}` : `The data as ${f === 'json' ? 'JSON' : 'GraphML'}`}>
            {f === 'graphml' ? 'GraphML' : f.toUpperCase()}
          </button>
        ))}
      </div>
    </div>
  );
}
