import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ObjectSummary } from '../../../src-main/api/types';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import type { ErrorInfo } from '../../stores/types';

interface Props {
  org: string;
  /** the object types the report type takes (abstract ones include their subtypes) */
  inputTypes: readonly string[];
  selected: readonly string[];
  onChange(pks: string[]): void;
}

const SEARCH_DEBOUNCE_MS = 150;
const PAGE = 50;
/** what reports.create takes at most */
export const MAX_CHOSEN = 10_000;

/**
 * Objects picked from a searchable list (objects.list, like the Objects page): a type and a text
 * narrow it, a click or Space ticks an object, arrows move; the chosen ones are listed above.
 */
export function ObjectChooser({ org, inputTypes, selected, onChange }: Props) {
  const [search, setSearch] = useState('');
  const [type, setType] = useState('');
  const [items, setItems] = useState<ObjectSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const chosen = new Set(selected);
  const typesKey = inputTypes.join(',');

  useEffect(() => {
    let stale = false;
    setStatus('loading');
    const t = window.setTimeout(async () => {
      try {
        const types = type ? [type] : inputTypes.length ? [...inputTypes] : undefined;
        const text = search.includes('|') ? search.slice(search.indexOf('|') + 1) : search;
        const page = await api().call('objects.list', { org, types, search: text.trim() || undefined, limit: PAGE });
        if (stale) return;
        setItems(page.items);
        setTotal(page.total);
        setStatus('ready');
        setError(null);
      } catch (e) {
        if (stale) return;
        const err = ApiError.from(e);
        setError({ code: err.code, message: err.message });
        setStatus('error');
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- typesKey stands for inputTypes
  }, [org, typesKey, type, search]);

  const toggle = (pk: string) => onChange(chosen.has(pk) ? selected.filter((p) => p !== pk) : [...selected, pk].slice(0, MAX_CHOSEN));
  const allShown = items.length > 0 && items.every((o) => chosen.has(o.pk));
  const toggleShown = () =>
    onChange(allShown ? selected.filter((p) => !items.some((o) => o.pk === p)) : [...new Set([...selected, ...items.map((o) => o.pk)])].slice(0, MAX_CHOSEN));

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('li[data-pk]')];
    const i = rows.indexOf(document.activeElement as HTMLElement);
    const to = e.key === 'ArrowDown' || e.key === 'j' ? i + 1 : e.key === 'ArrowUp' || e.key === 'k' ? i - 1 : null;
    if (to !== null) {
      e.preventDefault();
      rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
    } else if ((e.key === ' ' || e.key === 'Enter') && i >= 0) {
      e.preventDefault();
      toggle(rows[i]!.dataset.pk!);
    }
  };

  return (
    <div className="object-chooser">
      {selected.length > 0 && (
        <div className="chosen" aria-label="Chosen objects" role="group">
          <div className="chosen-head">
            <strong>{selected.length.toLocaleString()}</strong> chosen
            <button type="button" className="link-button small" onClick={() => onChange([])}>
              Clear
            </button>
          </div>
          <ul className="chosen-list">
            {selected.slice(0, 60).map((pk) => (
              <li key={pk} className="chosen-chip">
                <PkLabel pk={pk} />
                <button type="button" className="icon-button subtle" aria-label={`Remove ${pk}`} onClick={() => toggle(pk)}>
                  ×
                </button>
              </li>
            ))}
            {selected.length > 60 && <li className="muted small">and {(selected.length - 60).toLocaleString()} more</li>}
          </ul>
        </div>
      )}
      <div className="chooser-controls">
        <input
          type="search"
          aria-label="Search objects"
          data-view-search
          placeholder="Search objects by key"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault(); // not the wizard's submit
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              listRef.current?.querySelector<HTMLElement>('li[data-pk]')?.focus();
            }
          }}
        />
        <select aria-label="Object type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{inputTypes.length ? 'Every input type' : 'Every type'}</option>
          {inputTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="chooser-results">
        {status === 'error' && <ErrorBox error={error} compact />}
        {status === 'loading' && items.length === 0 && <Spinner label="Searching objects" />}
        {status === 'ready' && items.length === 0 && <div className="muted chooser-empty">No objects of these types match. Add objects first, or change the search.</div>}
        {items.length > 0 && (
          <>
            <div className="chooser-head">
              <label className="op-check">
                <input type="checkbox" checked={allShown} onChange={toggleShown} /> Choose all shown
              </label>
              <span className="muted small">{total > items.length ? `first ${items.length} of ${total.toLocaleString()}` : `${total.toLocaleString()} objects`}</span>
            </div>
            <ul className="chooser-list" ref={listRef} role="listbox" aria-label="Objects to choose from" aria-multiselectable="true" onKeyDown={onListKey}>
              {items.map((o) => (
                <li key={o.pk} data-pk={o.pk} role="option" aria-selected={chosen.has(o.pk)} tabIndex={0} className={chosen.has(o.pk) ? 'on' : undefined} onClick={() => toggle(o.pk)}>
                  <input type="checkbox" checked={chosen.has(o.pk)} readOnly tabIndex={-1} aria-hidden="true" />
                  <PkLabel pk={o.pk} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
