import { useMemo } from 'react';
import { EXPLORER_SEVERITIES } from '../../../src-main/explorer/elements';
import { Chips } from '../../components/Chips';
import { useStore } from '../../stores/store';
import type { ExplorerFilterState } from '../../stores/explorer-slice';
import { setFilters } from './actions';
import { explorerController } from './controller';
import { filtersActive } from './graph-model';

const ORIGIN_KINDS = ['declaration', 'observation', 'inference', 'affirmation'] as const;

function toggle<T>(list: readonly T[] | undefined, v: T): T[] {
  const cur = list ?? [];
  return cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v];
}

/** Filters by type (those drawn, with counts), scan level, worst severity and origin kind. */
export function ExplorerFilters() {
  const filters = useStore((s) => s.explorerFilters);
  const revision = useStore((s) => s.explorerRevision);
  const counts = useMemo(() => {
    const types = new Map<string, number>();
    const levels = new Map<string, number>();
    const sev = new Map<string, number>();
    const origins = new Map<string, number>();
    for (const n of explorerController().model.nodes.values()) {
      types.set(n.type, (types.get(n.type) ?? 0) + 1);
      levels.set(String(n.level ?? 0), (levels.get(String(n.level ?? 0)) ?? 0) + 1);
      sev.set(n.severity ?? 'none', (sev.get(n.severity ?? 'none') ?? 0) + 1);
      for (const o of n.origins) origins.set(o, (origins.get(o) ?? 0) + 1);
    }
    return { types, levels, sev, origins };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model changes with the revision
  }, [revision]);
  const patch = (p: Partial<ExplorerFilterState>) => setFilters({ ...filters, ...p });
  const typeChips = [...counts.types.entries()].sort((a, b) => b[1] - a[1]).map(([t, c]) => ({ value: t, label: t, count: c }));

  return (
    <div className="explorer-filters" role="region" aria-label="Filters">
      <div className="filter-group">
        <span className="filter-head">Types</span>
        {typeChips.length === 0 ? <span className="muted small">nothing drawn</span> : <Chips label="Filter by type" chips={typeChips} selected={filters.types ?? []} onToggle={(t) => patch({ types: toggle(filters.types, t) })} />}
      </div>
      <div className="filter-group">
        <span className="filter-head">Level</span>
        <Chips
          label="Filter by level"
          chips={[0, 1, 2, 3, 4].map((l) => ({ value: String(l), label: `L${l}`, count: counts.levels.get(String(l)) ?? 0 }))}
          selected={(filters.levels ?? []).map(String)}
          onToggle={(l) => patch({ levels: toggle(filters.levels, Number(l)) })}
        />
      </div>
      <div className="filter-group">
        <span className="filter-head">Severity</span>
        <Chips
          label="Filter by severity"
          chips={[...EXPLORER_SEVERITIES, 'none'].map((s) => ({ value: s, label: s === 'none' ? 'no findings' : s, count: counts.sev.get(s) ?? 0 }))}
          selected={filters.severities ?? []}
          onToggle={(s) => patch({ severities: toggle(filters.severities, s) })}
        />
      </div>
      <div className="filter-group">
        <span className="filter-head">Origin</span>
        <Chips
          label="Filter by origin"
          chips={ORIGIN_KINDS.map((o) => ({ value: o, label: o, count: counts.origins.get(o) ?? 0 }))}
          selected={filters.origins ?? []}
          onToggle={(o) => patch({ origins: toggle(filters.origins, o) })}
        />
      </div>
      {filtersActive(filters) && (
        <button type="button" className="button small ghost" onClick={() => setFilters({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
