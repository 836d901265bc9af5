import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { PluginRow } from './PluginRow';
import { PluginsToolbar } from './PluginsToolbar';

/** Arrow keys move between rows of a list of focusable rows. */
function moveFocus(e: React.KeyboardEvent, selector: string) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>(selector)];
  const i = rows.indexOf(document.activeElement as HTMLElement);
  const next = rows[e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1)];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/** The KATalogus: every boefje and normalizer, enable switches, filters; the detail opens beside it. */
export function PluginsView() {
  const plugins = useStore((s) => s.plugins);
  const status = useStore((s) => s.pluginsStatus);
  const error = useStore((s) => s.pluginsError);
  const filter = useStore((s) => s.pluginFilter);
  const openId = useStore((s) => s.openPluginId);
  const openPlugin = useStore((s) => s.openPlugin);
  const enablePlugin = useStore((s) => s.enablePlugin);
  const loadPlugins = useStore((s) => s.loadPlugins);
  const setFilter = useStore((s) => s.setPluginFilter);
  const [busy, setBusy] = useState<string | null>(null);
  const filtered = filter.kind !== null || filter.enabled !== null || filter.search.trim() !== '';

  const toggle = async (id: string, on: boolean) => {
    setBusy(id);
    try {
      await enablePlugin(id, on);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="plugins-view" aria-label="Plugins">
      <header className="view-header">
        <div className="view-title">
          <h1>Plugins</h1>
          <span className="muted">boefjes scan, normalizers turn their output into objects, bits draw conclusions</span>
        </div>
      </header>
      <PluginsToolbar />
      <div className="list-body">
        {status === 'error' && <ErrorBox error={error} onRetry={() => void loadPlugins()} />}
        {status === 'loading' && plugins.length === 0 && (
          <div className="table-message">
            <Spinner label="Loading plugins" />
          </div>
        )}
        {status === 'ready' && plugins.length === 0 && (
          <EmptyState
            title={filtered ? 'No matching plugins' : 'No plugins installed'}
            actions={
              filtered ? (
                <button type="button" className="button" onClick={() => setFilter({ kind: null, enabled: null, search: '' })}>
                  Clear filters
                </button>
              ) : undefined
            }
          >
            {filtered ? 'Nothing in the catalogue matches these filters.' : 'The plugins/ folder holds no boefjes, normalizers or bits.'}
          </EmptyState>
        )}
        {plugins.length > 0 && (
          <div className="plugin-table" role="grid" aria-label="Plugin catalogue" onKeyDown={(e) => moveFocus(e, '.plugin-row')}>
            <div className="plugin-row head" role="row">
              <div role="columnheader">On</div>
              <div role="columnheader">Plugin</div>
              <div role="columnheader">Kind</div>
              <div role="columnheader">Level</div>
              <div role="columnheader">Consumes → produces</div>
              <div role="columnheader" />
            </div>
            {plugins.map((p) => (
              <PluginRow key={p.id} plugin={p} open={p.id === openId} busy={busy === p.id} onOpen={() => openPlugin(p.id)} onToggle={(on) => void toggle(p.id, on)} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
