import { useEffect, useState } from 'react';
import type { FindingPage } from '../../../src-main/api/contracts/findings';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import { FINDINGS_PAGE_SIZE, type MutedFilter } from '../../stores/findings-slice';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';

const SEARCH_DEBOUNCE_MS = 150;

/** Search, finding type, object type and mute filters, flat or grouped, bulk actions, paging. */
export function FindingsToolbar() {
  const org = useStore((s) => s.currentOrg);
  const q = useStore((s) => s.findingsQuery);
  const setQuery = useStore((s) => s.setFindingsQuery);
  const types = useStore((s) => s.types);
  const total = useStore((s) => s.findingsTotal);
  const offset = useStore((s) => s.findingsOffset);
  const setOffset = useStore((s) => s.setFindingsOffset);
  const selected = useStore((s) => s.selectedFindings);
  const setSelection = useStore((s) => s.setFindingSelection);
  const openDialog = useStore((s) => s.openDialog);
  const unmute = useStore((s) => s.unmuteFindings);
  const revision = useStore((s) => s.changeRevision);
  const [text, setText] = useState(q.search);

  useEffect(() => setText(q.search), [q.search]);
  useEffect(() => {
    if (text === q.search) return;
    const t = window.setTimeout(() => setQuery({ search: text }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [text, q.search, setQuery]);

  // the finding types present in the organisation, for the type filter
  const present = useApiResource<FindingPage>(org ? `${org}\n${revision}` : null, () =>
    api().call('findings.list', { org: org!, muted: 'all', groupBy: 'findingType', limit: 1000, groupObjectsLimit: 0 }),
  );
  const findingTypes = present.data?.groups?.map((g) => g.findingType) ?? [];
  const last = Math.min(total, offset + FINDINGS_PAGE_SIZE);
  const unit = q.grouped ? 'finding type' : 'finding';

  return (
    <div className="toolbar findings-toolbar">
      <div className="search-box">
        <span className="search-icon" aria-hidden="true">
          <Icon name="search" />
        </span>
        <input
          data-view-search
          className="search-input"
          type="search"
          aria-label="Search findings"
          placeholder="Search findings…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setText('');
            }
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              document.querySelector<HTMLElement>('.findings-table tbody tr')?.focus();
            }
          }}
        />
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      <select aria-label="Filter by finding type" className="small-select" value={q.findingTypes[0] ?? ''} onChange={(e) => setQuery({ findingTypes: e.target.value ? [e.target.value] : [] })}>
        <option value="">All finding types</option>
        {findingTypes.map((t) => (
          <option key={t.pk} value={t.id}>
            {t.id}
            {t.name ? ` — ${t.name}` : ''}
          </option>
        ))}
      </select>
      <select aria-label="Filter by object type" className="small-select" value={q.objectTypes[0] ?? ''} onChange={(e) => setQuery({ objectTypes: e.target.value ? [e.target.value] : [] })}>
        <option value="">All object types</option>
        {types
          .filter((t) => t.name !== 'Finding' && t.name !== 'MutedFinding')
          .map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
      </select>
      <select aria-label="Muted findings" className="small-select" value={q.muted} onChange={(e) => setQuery({ muted: e.target.value as MutedFilter })}>
        <option value="hide">Hide muted</option>
        <option value="only">Muted only</option>
        <option value="all">Muted and unmuted</option>
      </select>
      <div className="segmented" role="group" aria-label="Layout">
        <button type="button" className={`button small${q.grouped ? ' on' : ''}`} aria-pressed={q.grouped} onClick={() => setQuery({ grouped: true })}>
          By type
        </button>
        <button type="button" className={`button small${q.grouped ? '' : ' on'}`} aria-pressed={!q.grouped} onClick={() => setQuery({ grouped: false })}>
          Flat
        </button>
      </div>
      {selected.length > 0 && (
        <div className="bulk-actions" role="group" aria-label="Selected findings">
          <span className="muted">{selected.length} selected</span>
          <button type="button" className="button small primary" onClick={() => openDialog({ kind: 'muteFindings', pks: selected })}>
            Mute…
          </button>
          <button type="button" className="button small" onClick={() => void unmute(selected)}>
            Unmute
          </button>
          <button type="button" className="button small ghost" onClick={() => setSelection([])}>
            Clear
          </button>
        </div>
      )}
      <div className="toolbar-spacer" />
      <div className="pager-group">
        <div className="object-count" aria-live="polite" data-testid="finding-count">
          {total === 0 ? `0 ${unit}s` : `${(offset + 1).toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()} ${total === 1 ? unit : unit + 's'}`}
        </div>
        <div className="pager">
          <button type="button" className="icon-button" aria-label="Previous page" disabled={offset === 0} onClick={() => setOffset(offset - FINDINGS_PAGE_SIZE)}>
            ‹
          </button>
          <button type="button" className="icon-button" aria-label="Next page" disabled={last >= total} onClick={() => setOffset(offset + FINDINGS_PAGE_SIZE)}>
            ›
          </button>
        </div>
      </div>
    </div>
  );
}
