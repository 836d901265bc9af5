import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../stores/store';
import { Icon } from '../../components/Icon';
import { formatCount } from '../../components/format';

const SEARCH_DEBOUNCE_MS = 150;

/** Search (debounced), type filter and the total count. */
export function ObjectsToolbar() {
  const search = useStore((s) => s.query.search);
  const typeFilter = useStore((s) => s.query.types[0] ?? '');
  const setQuery = useStore((s) => s.setQuery);
  const types = useStore((s) => s.types);
  const total = useStore((s) => s.total);
  const capped = useStore((s) => s.totalCapped);
  const [text, setText] = useState(search);
  const input = useRef<HTMLInputElement>(null);

  // keep the box in step when the query is reset elsewhere (org switch)
  useEffect(() => setText(search), [search]);

  useEffect(() => {
    if (text === search) return;
    const t = window.setTimeout(() => setQuery({ search: text }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [text, search, setQuery]);

  const { abstract, concrete } = useMemo(
    () => ({ abstract: types.filter((t) => t.abstract), concrete: types.filter((t) => !t.abstract) }),
    [types],
  );

  return (
    <div className="toolbar">
      <div className="search-box">
        <span className="search-icon" aria-hidden="true">
          <Icon name="search" />
        </span>
        <input
          ref={input}
          id="object-search"
          data-view-search
          className="search-input"
          type="search"
          aria-label="Search objects"
          placeholder="Search objects…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setText('');
            }
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              document.getElementById('objects-grid')?.focus();
            }
          }}
        />
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      <select
        aria-label="Filter by type"
        className="type-filter"
        value={typeFilter}
        onChange={(e) => setQuery({ types: e.target.value ? [e.target.value] : [] })}
      >
        <option value="">All types</option>
        {abstract.length > 0 && (
          <optgroup label="Groups">
            {abstract.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.concrete.length})
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Types">
          {concrete.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </optgroup>
      </select>
      <div className="toolbar-spacer" />
      <div className="object-count" aria-live="polite" data-testid="object-count">
        {total === null ? '' : capped ? `${formatCount(total)}+ objects` : `${formatCount(total)} ${total === 1 ? 'object' : 'objects'}`}
      </div>
    </div>
  );
}
