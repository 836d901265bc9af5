import { useEffect, useState } from 'react';
import type { ObjectSummary } from '../../../src-main/api/types';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import { PkLabel } from '../../components/PkLabel';
import { useStore } from '../../stores/store';
import { openGraph } from './actions';

const DEBOUNCE_MS = 200;

/** Finds objects to start from: Enter opens the first hit, a click opens one, + adds it to the start objects. */
export function StartSearch() {
  const org = useStore((s) => s.currentOrg);
  const start = useStore((s) => s.explorerStart);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<ObjectSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState(0);

  useEffect(() => {
    const q = text.trim();
    if (!q || !org) {
      setHits(null);
      return;
    }
    let stale = false;
    const t = window.setTimeout(() => {
      api()
        .call('objects.list', { org, search: q, limit: 12 })
        .then(
          (res) => {
            if (stale) return;
            setHits(res.items);
            setError(null);
            setCursor(0);
          },
          (e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)),
        );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [text, org]);

  const open = (pk: string, add: boolean) => {
    setText('');
    setHits(null);
    void openGraph(add ? [...new Set([...start, pk])] : [pk]);
  };

  return (
    <div className="explorer-start-search search-box">
      <span className="search-icon" aria-hidden="true">
        <Icon name="search" />
      </span>
      <input
        className="search-input"
        type="search"
        aria-label="Find an object to explore"
        placeholder="Explore from… (hostname, IP, key)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (!hits?.length) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setCursor((c) => Math.min(hits.length - 1, c + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setCursor((c) => Math.max(0, c - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            open(hits[cursor]!.pk, e.shiftKey);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setText('');
          }
        }}
      />
      {(hits || error) && (
        <ul className="start-hits" role="listbox" aria-label="Objects to explore from">
          {error && <li className="muted">{error}</li>}
          {hits?.length === 0 && <li className="muted start-hit-empty">No object matches “{text.trim()}”.</li>}
          {hits?.map((h, i) => (
            <li key={h.pk} role="option" aria-selected={i === cursor} className={`start-hit${i === cursor ? ' cursor' : ''}`}>
              <button type="button" className="link-button" onMouseDown={(e) => e.preventDefault()} onClick={() => open(h.pk, false)} aria-label={`Explore from ${h.pk}`}>
                <PkLabel pk={h.pk} />
              </button>
              {start.length > 0 && (
                <button type="button" className="icon-button subtle" title="Add to the start objects (Shift+Enter)" aria-label={`Add ${h.pk} to the start objects`} onMouseDown={(e) => e.preventDefault()} onClick={() => open(h.pk, true)}>
                  <Icon name="plus" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
