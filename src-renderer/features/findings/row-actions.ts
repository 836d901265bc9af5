import type { KeyboardEvent } from 'react';

export interface RowActions {
  /** Enter on a finding row */
  open(pk: string): void;
  /** Enter / arrows on a group row */
  toggleGroup(id: string, expand?: boolean): void;
  /** x or Space: a finding, or every listed finding of a group */
  select(pks: string[]): void;
  /** m: mute (the selection wins over the row under the cursor) */
  mute(pks: string[]): void;
  /** u: unmute */
  unmute(pks: string[]): void;
  selected: readonly string[];
}

/** the findings a row stands for: its own key, or those of a group's listed rows */
function pksOf(row: HTMLElement): string[] {
  if (row.dataset.pk) return [row.dataset.pk];
  const id = row.dataset.group;
  if (!id) return [];
  const body = row.closest('tbody');
  return [...(body?.querySelectorAll<HTMLElement>(`tr[data-in-group="${CSS.escape(id)}"]`) ?? [])].map((r) => r.dataset.pk!).filter(Boolean);
}

/**
 * Keyboard of the findings table, like the other lists plus vim keys: j/k or arrows move, Enter
 * opens (or expands a group), ←/→ collapse and expand, x or Space selects, m mutes, u unmutes.
 */
export function findingRowKeys(e: KeyboardEvent<HTMLTableSectionElement>, a: RowActions): void {
  if (e.metaKey || e.ctrlKey || e.altKey) return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('tr[tabindex]')];
  const row = (e.target as HTMLElement).closest<HTMLElement>('tr[tabindex]');
  const i = row ? rows.indexOf(row) : -1;
  const move = (to: number) => {
    const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  switch (e.key) {
    case 'ArrowDown':
    case 'j':
      return move(i + 1);
    case 'ArrowUp':
    case 'k':
      return move(i - 1);
  }
  if (!row) return;
  const group = row.dataset.group;
  const own = pksOf(row);
  const target = a.selected.length > 0 ? [...a.selected] : own;
  switch (e.key) {
    case 'Enter':
      e.preventDefault();
      if (group) a.toggleGroup(group);
      else if (row.dataset.pk) a.open(row.dataset.pk);
      else row.querySelector<HTMLElement>('button')?.click();
      return;
    case 'ArrowRight':
    case 'ArrowLeft':
      if (group) {
        e.preventDefault();
        a.toggleGroup(group, e.key === 'ArrowRight');
      }
      return;
    case 'x':
    case ' ':
      if (own.length > 0) {
        e.preventDefault();
        a.select(own);
      }
      return;
    case 'm':
      if (target.length > 0) {
        e.preventDefault();
        a.mute(target);
      }
      return;
    case 'u':
      if (target.length > 0) {
        e.preventDefault();
        a.unmute(target);
      }
      return;
  }
}
