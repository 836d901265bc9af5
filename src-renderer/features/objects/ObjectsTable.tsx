import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { OriginBadge } from '../../components/Badge';
import { LevelBadge } from '../../components/LevelBadge';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatRelative } from '../../components/format';
import { PAGE_SIZE, type SortKey } from '../../stores/objects-slice';
import { useStore } from '../../stores/store';

const ROW_HEIGHT = 30;
const PAGE_FETCH_DEBOUNCE_MS = 60;

function naturalKey(pk: string): string {
  const bar = pk.indexOf('|');
  return bar < 0 ? pk : pk.slice(bar + 1);
}

function SortHeader({ label, sortKey, className }: { label: string; sortKey: SortKey; className: string }) {
  const sort = useStore((s) => s.query.sort);
  const desc = useStore((s) => s.query.desc);
  const toggleSort = useStore((s) => s.toggleSort);
  const active = sort === sortKey;
  return (
    <div role="columnheader" className={`cell ${className}`} aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className={`sort-button${active ? ' active' : ''}`} onClick={() => toggleSort(sortKey)} aria-label={`Sort by ${label}`}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (desc ? '▼' : '▲') : ''}
        </span>
      </button>
    </div>
  );
}

/** The objects of the current organisation: virtualised, fetched a page at a time around the viewport. */
export function ObjectsTable() {
  const rowCount = useStore((s) => s.rowCount);
  const pages = useStore((s) => s.pages);
  const total = useStore((s) => s.total);
  const listError = useStore((s) => s.listError);
  const listGeneration = useStore((s) => s.listGeneration);
  const cursor = useStore((s) => s.cursor);
  const openPk = useStore((s) => s.openPk);
  const search = useStore((s) => s.query.search);
  const filtered = useStore((s) => s.query.types.length > 0 || s.query.search.trim() !== '');
  const ensurePages = useStore((s) => s.ensurePages);
  const setCursor = useStore((s) => s.setCursor);
  const openObject = useStore((s) => s.openObject);
  const resetObjects = useStore((s) => s.resetObjects);
  const openDialog = useStore((s) => s.openDialog);
  const setQuery = useStore((s) => s.setQuery);
  const levels = useStore((s) => s.levels);
  const selected = useStore((s) => s.selected);
  const anchor = useStore((s) => s.selectionAnchor);
  const toggleSelected = useStore((s) => s.toggleSelected);
  const addSelected = useStore((s) => s.addSelected);
  const setSelected = useStore((s) => s.setSelected);
  const clearSelected = useStore((s) => s.clearSelected);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // fetch the pages under the viewport, once scrolling settles for a moment
  useEffect(() => {
    if (rowCount === 0) return;
    const t = window.setTimeout(() => ensurePages(Math.floor(firstIndex / PAGE_SIZE), Math.floor(lastIndex / PAGE_SIZE)), PAGE_FETCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [firstIndex, lastIndex, rowCount, listGeneration, ensurePages]);

  const rowAt = (index: number) => pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
  const loadedPks = () => Object.keys(pages).sort((a, b) => Number(a) - Number(b)).flatMap((p) => pages[Number(p)]!.map((r) => r.pk));

  /** shift-click: every loaded row between the anchor and this one */
  const selectRangeTo = (index: number) => {
    const from = anchor >= 0 ? anchor : index;
    const pks: string[] = [];
    for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
      const r = rowAt(i);
      if (r) pks.push(r.pk);
    }
    addSelected(pks, index);
  };
  const allLoaded = loadedPks();
  const allSelected = allLoaded.length > 0 && allLoaded.every((pk) => selected.has(pk));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (rowCount === 0) return;
    let next = cursor;
    if (e.key === 'ArrowDown') next = Math.min(rowCount - 1, cursor + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, cursor - 1);
    else if (e.key === 'PageDown') next = Math.min(rowCount - 1, cursor + 20);
    else if (e.key === 'PageUp') next = Math.max(0, cursor - 20);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rowCount - 1;
    else if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      setSelected(loadedPks());
      return;
    } else if (e.key === ' ') {
      const row = rowAt(Math.max(0, cursor));
      if (row) {
        if (e.shiftKey) selectRangeTo(Math.max(0, cursor));
        else toggleSelected(row.pk, Math.max(0, cursor));
      }
      e.preventDefault();
      return;
    } else if (e.key === 'Escape' && selected.size > 0) {
      e.preventDefault();
      e.stopPropagation();
      clearSelected();
      return;
    } else if (e.key === 'Enter') {
      const row = rowAt(Math.max(0, cursor));
      if (row) openObject(row.pk);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    setCursor(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const loadingFirst = total === null && !listError;
  const empty = total === 0 && !listError;

  return (
    <div className="objects-table" role="grid" aria-label="Objects" aria-rowcount={rowCount + 1}>
      <div role="rowgroup" className="table-head">
        <div role="row" className="row head-row" aria-rowindex={1}>
          <div role="columnheader" className="cell col-check">
            <input
              type="checkbox"
              aria-label={allSelected ? 'Clear selection' : 'Select all loaded rows (Ctrl+A)'}
              title={allSelected ? 'Clear selection' : 'Select all loaded rows (Ctrl+A in the table)'}
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = !allSelected && selected.size > 0;
              }}
              onChange={() => (allSelected || selected.size > 0 ? clearSelected() : setSelected(allLoaded))}
            />
          </div>
          <SortHeader label="Type" sortKey="type" className="col-type" />
          <SortHeader label="Primary key" sortKey="pk" className="col-pk" />
          <div role="columnheader" className="cell col-level" title="Scan level: solid = declared, outlined = inherited">
            Level
          </div>
          <div role="columnheader" className="cell col-origins">
            Origins
          </div>
          <SortHeader label="Last change" sortKey="changed" className="col-changed" />
        </div>
      </div>
      <div
        id="objects-grid"
        ref={scroller}
        className="table-body"
        role="rowgroup"
        tabIndex={0}
        aria-label="Object rows"
        aria-activedescendant={cursor >= 0 ? `object-row-${cursor}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => cursor < 0 && rowCount > 0 && setCursor(0)}
      >
        {listError && <ErrorBox error={listError} onRetry={resetObjects} />}
        {loadingFirst && (
          <div className="table-message">
            <Spinner label="Loading objects" />
          </div>
        )}
        {empty && !filtered && (
          <EmptyState
            icon="◇"
            title="No objects yet"
            actions={
              <>
                <button type="button" className="button primary" onClick={() => openDialog({ kind: 'addObject' })}>
                  Add object
                </button>
                <button type="button" className="button" onClick={() => openDialog({ kind: 'importCsv' })}>
                  Import CSV
                </button>
              </>
            }
          >
            Declare a hostname, an IP address or a network to start, or import a list of them.
          </EmptyState>
        )}
        {empty && filtered && (
          <EmptyState
            title="No matching objects"
            actions={
              <button type="button" className="button" onClick={() => setQuery({ search: '', types: [] })}>
                Clear filters
              </button>
            }
          >
            {search ? `Nothing matches “${search}” with the current filter.` : 'Nothing of this type yet.'}
          </EmptyState>
        )}
        {rowCount > 0 && (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const row = rowAt(v.index);
              const isOpen = row !== undefined && row.pk === openPk;
              const ticked = row !== undefined && selected.has(row.pk);
              const level = row ? levels[row.pk] : undefined;
              return (
                <div
                  key={v.key}
                  id={`object-row-${v.index}`}
                  role="row"
                  aria-rowindex={v.index + 2}
                  aria-selected={ticked}
                  className={`row body-row${v.index === cursor ? ' cursor' : ''}${isOpen ? ' open' : ''}${ticked ? ' ticked' : ''}${v.index % 2 ? ' odd' : ''}`}
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                  onClick={(e) => {
                    setCursor(v.index);
                    if (!row) return;
                    if (e.shiftKey) selectRangeTo(v.index);
                    else if (e.ctrlKey || e.metaKey) toggleSelected(row.pk, v.index);
                    else openObject(row.pk);
                  }}
                >
                  {row ? (
                    <>
                      <div role="gridcell" className="cell col-check">
                        <input
                          type="checkbox"
                          aria-label={`Select ${row.pk}`}
                          checked={ticked}
                          onClick={(e) => {
                            e.stopPropagation();
                            setCursor(v.index);
                            if (e.shiftKey) {
                              e.preventDefault();
                              selectRangeTo(v.index);
                            }
                          }}
                          onChange={(e) => {
                            if (!(e.nativeEvent as MouseEvent).shiftKey) toggleSelected(row.pk, v.index);
                          }}
                        />
                      </div>
                      <div role="gridcell" className="cell col-type">
                        <span className="type-chip">{row.type}</span>
                      </div>
                      <div role="gridcell" className="cell col-pk mono" title={row.pk}>
                        {naturalKey(row.pk)}
                      </div>
                      <div role="gridcell" className="cell col-level">
                        {level ? <LevelBadge level={level.level} kind={level.kind} /> : <span className="skeleton short" />}
                      </div>
                      <div role="gridcell" className="cell col-origins">
                        {row.originKinds.map((k) => (
                          <OriginBadge key={k} kind={k} />
                        ))}
                      </div>
                      <div role="gridcell" className="cell col-changed" title={formatDate(row.lastChange)}>
                        {formatRelative(row.lastChange)}
                      </div>
                    </>
                  ) : (
                    <div role="gridcell" className="cell placeholder">
                      <span className="skeleton" />
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

