import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores/store';

const SEARCH_DEBOUNCE_MS = 150;

/** Kind and enabled filters and the search of the plugin catalogue. */
export function PluginsToolbar() {
  const filter = useStore((s) => s.pluginFilter);
  const setFilter = useStore((s) => s.setPluginFilter);
  const count = useStore((s) => s.plugins.length);
  const [text, setText] = useState(filter.search);

  useEffect(() => {
    if (text === filter.search) return;
    const t = window.setTimeout(() => setFilter({ search: text }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [text, filter.search, setFilter]);

  return (
    <div className="toolbar">
      <div className="search-box">
        <span className="search-icon" aria-hidden="true">
          <Icon name="search" />
        </span>
        <input
          className="search-input"
          type="search"
          data-view-search
          aria-label="Search plugins"
          placeholder="Search plugins, types, mime types…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setText('');
            }
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('.plugin-row')?.focus();
            }
          }}
        />
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      <select aria-label="Filter by kind" className="small-select" value={filter.kind ?? ''} onChange={(e) => setFilter({ kind: (e.target.value || null) as typeof filter.kind })}>
        <option value="">All kinds</option>
        <option value="boefje">Boefjes</option>
        <option value="normalizer">Normalizers</option>
        <option value="bit">Bits</option>
      </select>
      <select
        aria-label="Filter by state"
        className="small-select"
        value={filter.enabled === null ? '' : String(filter.enabled)}
        onChange={(e) => setFilter({ enabled: e.target.value === '' ? null : e.target.value === 'true' })}
      >
        <option value="">Any state</option>
        <option value="true">Enabled</option>
        <option value="false">Disabled</option>
      </select>
      <div className="toolbar-spacer" />
      <div className="object-count" aria-live="polite" data-testid="plugin-count">
        {count} {count === 1 ? 'plugin' : 'plugins'}
      </div>
    </div>
  );
}
