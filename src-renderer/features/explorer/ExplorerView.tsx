import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { loadViews, openGraph, openView } from './actions';
import { ComparePanel } from './ComparePanel';
import { ExplorerCanvas } from './ExplorerCanvas';
import { ExplorerFilters } from './ExplorerFilters';
import { ExplorerToolbar } from './ExplorerToolbar';
import { Legend } from './Legend';
import { NodePanel } from './NodePanel';
import { NodeTable } from './NodeTable';
import { PathsPanel } from './PathsPanel';
import { TimeBar } from './TimeBar';
import { ViewsPanel } from './ViewsPanel';
import { installExplorerHook } from './test-hooks';
import { useExplorerKeys } from './use-explorer-keys';
import './explorer.css';

installExplorerHook();

const PANELS = [
  { id: 'details', label: 'Details' },
  { id: 'paths', label: 'Paths' },
  { id: 'compare', label: 'Compare' },
  { id: 'views', label: 'Views' },
] as const;

function EmptyExplorer() {
  const views = useStore((s) => s.explorerViews);
  useEffect(() => void loadViews(), []);
  return (
    <div className="explorer-empty">
      <EmptyState title="Explore the graph">
        <p>Find an object with the search above, press <strong>Explore</strong> on an object&rsquo;s page, or tick rows in the Objects table and choose <strong>Explore selection</strong>.</p>
        <p className="muted">Double-click a node to expand it, drag to arrange, use the slider below to travel in time.</p>
      </EmptyState>
      {views.length > 0 && (
        <div className="explorer-empty-views">
          <h3>Saved views</h3>
          <ul>
            {views.slice(0, 8).map((v) => (
              <li key={v.id}>
                <button type="button" className="link-button" onClick={() => void openView(v.id)}>
                  {v.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The graph explorer: canvas (or table), side panel, filters, time slider. */
export function ExplorerView() {
  const org = useStore((s) => s.currentOrg);
  const request = useStore((s) => s.explorerRequest);
  const status = useStore((s) => s.explorerStatus);
  const error = useStore((s) => s.explorerError);
  const busy = useStore((s) => s.explorerBusy);
  const notice = useStore((s) => s.explorerNotice);
  const start = useStore((s) => s.explorerStart);
  const table = useStore((s) => s.explorerTable);
  const overBudget = useStore((s) => s.explorerOverBudget);
  const panel = useStore((s) => s.explorerPanel);
  const asOf = useStore((s) => s.explorerAsOf);
  const current = useStore((s) => s.explorerCurrentView);
  const setExplorer = useStore((s) => s.setExplorer);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [points, setPoints] = useState<string[]>([]);
  const [handled, setHandled] = useState(0);
  useExplorerKeys();

  // a request from another page (Explore button, list selection, saved view)
  useEffect(() => {
    if (!request || request.nonce === handled) return;
    setHandled(request.nonce);
    if (request.viewId) void openView(request.viewId);
    else if (request.start) void openGraph(request.start, { view: null });
  }, [request, handled]);

  // another organisation: start empty
  const [shownOrg, setShownOrg] = useState(org);
  useEffect(() => {
    if (org === shownOrg) return;
    setShownOrg(org);
    void openGraph([], { view: null, asOf: null });
  }, [org, shownOrg]);

  const showTable = table || overBudget !== null;
  return (
    <section className="explorer-view" aria-label="Explorer">
      <header className="view-header">
        <div className="view-title">
          <h1>Explorer</h1>
          {current && <span className="org-code-chip">{current.name}</span>}
          {asOf && <span className="asof-chip" title="The graph as it was at this valid time">as of {formatDate(asOf)}</span>}
        </div>
        <div className="view-actions muted small">{start.length > 0 && `${start.length} start object${start.length === 1 ? '' : 's'}`}</div>
      </header>
      <ExplorerToolbar filtersOpen={filtersOpen} onToggleFilters={() => setFiltersOpen(!filtersOpen)} />
      {filtersOpen && <ExplorerFilters />}
      {notice && (
        <div className={`explorer-notice ${notice.tone}`} role="status" aria-label="Explorer notice">
          <span>{notice.text}</span>
          <button type="button" className="button small ghost" onClick={() => setExplorer({ explorerNotice: null })}>
            Dismiss
          </button>
        </div>
      )}
      <div className="explorer-body">
        <div className={`explorer-main${showTable ? ' with-table' : ''}`}>
          <div className="explorer-canvas-wrap" hidden={overBudget !== null}>
            <ExplorerCanvas />
            {start.length > 0 && overBudget === null && <Legend />}
            {status === 'empty' && <EmptyExplorer />}
            {status === 'error' && (
              <div className="explorer-overlay">
                <ErrorBox error={error} onRetry={() => void openGraph(start)} />
              </div>
            )}
            {busy && (
              <div className="explorer-busy" role="status" aria-label="Working">
                <Spinner label={busy} />
              </div>
            )}
          </div>
          {showTable && start.length > 0 && <NodeTable />}
        </div>
        <aside className="explorer-side" aria-label="Explorer panel">
          <div className="side-tabs" role="tablist" aria-label="Explorer panels">
            {PANELS.map((p) => (
              <button key={p.id} type="button" role="tab" aria-selected={panel === p.id} className={`side-tab${panel === p.id ? ' on' : ''}`} onClick={() => setExplorer({ explorerPanel: p.id })}>
                {p.label}
              </button>
            ))}
          </div>
          <div className="side-body" role="tabpanel" aria-label={PANELS.find((p) => p.id === panel)?.label}>
            {panel === 'details' && <NodePanel />}
            {panel === 'paths' && <PathsPanel />}
            {panel === 'compare' && <ComparePanel points={points} />}
            {panel === 'views' && <ViewsPanel />}
          </div>
        </aside>
      </div>
      <TimeBar onTimeline={setPoints} />
    </section>
  );
}
