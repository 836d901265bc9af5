import { Fragment, useState } from 'react';
import type { FindingGroup, FindingRow } from '../../../src-main/api/contracts/findings';
import { PkLabel } from '../../components/PkLabel';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { findingRowKeys } from './row-actions';

function MutedTag({ f }: { f: FindingRow }) {
  if (!f.muted) return null;
  const title = `Muted: ${f.muted.reason ?? ''}${f.muted.expiresAt ? ` (until ${formatDate(f.muted.expiresAt)})` : ''}`;
  return (
    <span className="muted-tag" title={title}>
      muted{f.muted.expiresAt ? ' ⏱' : ''}
    </span>
  );
}

interface RowProps {
  f: FindingRow;
  open: boolean;
  selected: boolean;
  inGroup?: string;
  showType: boolean;
  onOpen(pk: string): void;
  onSelect(pk: string): void;
}

function FindingTr({ f, open, selected, inGroup, showType, onOpen, onSelect }: RowProps) {
  return (
    <tr
      tabIndex={0}
      data-pk={f.pk}
      data-in-group={inGroup}
      className={`${open ? 'open' : ''}${selected ? ' selected' : ''}${inGroup ? ' in-group' : ''}${f.muted ? ' is-muted' : ''}`}
      aria-selected={selected}
      onClick={() => onOpen(f.pk)}
    >
      <td className="col-select" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Select ${f.pk}`} checked={selected} onChange={() => onSelect(f.pk)} tabIndex={-1} />
      </td>
      <td className="col-sev">{showType && <SeverityBadge severity={f.findingType.severity} score={f.findingType.score} />}</td>
      {showType ? (
        <td className="cell-type">
          <span className="mono ft-id">{f.findingType.id}</span>
          {f.findingType.name && <span className="muted ft-name"> {f.findingType.name}</span>}
        </td>
      ) : null}
      <td className="cell-pk" colSpan={showType ? 1 : 2}>
        <PkLabel pk={f.ooi.pk} />
      </td>
      <td className="cell-desc muted">{f.description}</td>
      <td className="col-muted">
        <MutedTag f={f} />
      </td>
    </tr>
  );
}

interface Props {
  grouped: boolean;
  rows: readonly FindingRow[];
  groups: readonly FindingGroup[];
}

/** The findings, flat or grouped by finding type (a group expands to its affected objects). */
export function FindingsTable({ grouped, rows, groups }: Props) {
  const openPk = useStore((s) => s.openFindingPk);
  const openFinding = useStore((s) => s.openFinding);
  const selected = useStore((s) => s.selectedFindings);
  const toggle = useStore((s) => s.toggleFindingSelected);
  const setSelection = useStore((s) => s.setFindingSelection);
  const openDialog = useStore((s) => s.openDialog);
  const unmute = useStore((s) => s.unmuteFindings);
  const setQuery = useStore((s) => s.setFindingsQuery);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const sel = new Set(selected);

  const toggleGroup = (id: string, expand?: boolean) => {
    const next = new Set(expanded);
    if (expand ?? !next.has(id)) next.add(id);
    else next.delete(id);
    setExpanded(next);
  };
  const selectMany = (pks: string[]) => {
    const all = pks.every((p) => sel.has(p));
    setSelection(all ? selected.filter((p) => !pks.includes(p)) : [...new Set([...selected, ...pks])]);
  };

  return (
    <table className="data-table findings-table" aria-label="Findings">
      <thead>
        <tr>
          <th className="col-select" aria-label="Selected" />
          <th className="col-sev">Severity</th>
          <th className="col-type">Finding type</th>
          <th>{grouped ? 'Objects' : 'Object'}</th>
          <th>Description</th>
          <th className="col-muted" aria-label="Muted" />
        </tr>
      </thead>
      <tbody
        onKeyDown={(e) =>
          findingRowKeys(e, {
            open: openFinding,
            toggleGroup,
            select: (pks) => (pks.length === 1 ? toggle(pks[0]!) : selectMany(pks)),
            mute: (pks) => openDialog({ kind: 'muteFindings', pks }),
            unmute: (pks) => void unmute(pks),
            selected,
          })
        }
      >
        {!grouped && rows.map((f) => <FindingTr key={f.pk} f={f} open={f.pk === openPk} selected={sel.has(f.pk)} showType onOpen={openFinding} onSelect={toggle} />)}
        {grouped &&
          groups.map((g) => {
            const id = g.findingType.pk;
            const isOpen = expanded.has(id);
            const pks = g.findings.map((f) => f.pk);
            const allSelected = pks.length > 0 && pks.every((p) => sel.has(p));
            return (
              <Fragment key={id}>
                <tr tabIndex={0} data-group={id} className="group-row" aria-expanded={isOpen} onClick={() => toggleGroup(id)}>
                  <td className="col-select" onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={`Select all ${g.findingType.id}`} checked={allSelected} onChange={() => selectMany(pks)} tabIndex={-1} />
                  </td>
                  <td className="col-sev">
                    <SeverityBadge severity={g.findingType.severity} score={g.findingType.score} />
                  </td>
                  <td className="cell-type">
                    <span className="disclosure" aria-hidden="true">
                      {isOpen ? '▾' : '▸'}
                    </span>
                    <span className="mono ft-id">{g.findingType.id}</span>
                  </td>
                  <td>
                    <span className="group-count">{g.count.toLocaleString()}</span> {g.count === 1 ? 'object' : 'objects'}
                  </td>
                  <td className="muted cell-desc">{g.findingType.name}</td>
                  <td />
                </tr>
                {isOpen && g.findings.map((f) => <FindingTr key={f.pk} f={f} inGroup={id} open={f.pk === openPk} selected={sel.has(f.pk)} showType={false} onOpen={openFinding} onSelect={toggle} />)}
                {isOpen && g.count > g.findings.length && (
                  <tr tabIndex={0} className="in-group more-row">
                    <td />
                    <td colSpan={5}>
                      <button type="button" className="link-button" onClick={() => setQuery({ grouped: false, findingTypes: [g.findingType.id] })}>
                        Show all {g.count.toLocaleString()} {g.findingType.id} findings
                      </button>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
      </tbody>
    </table>
  );
}
