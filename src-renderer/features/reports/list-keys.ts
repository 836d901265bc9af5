import type { KeyboardEvent } from 'react';

export interface ListKeyActions {
  open(id: string): void;
  remove(id: string): void;
}

/**
 * Keyboard of the report and recipe tables: j/k or arrows move, Home/End jump, Enter opens,
 * Delete (or d) asks to delete the row under the cursor. Rows carry data-id.
 */
export function listKeys(e: KeyboardEvent<HTMLTableSectionElement>, a: ListKeyActions): void {
  if (e.metaKey || e.ctrlKey || e.altKey) return;
  const target = e.target as HTMLElement;
  const row = target.closest<HTMLElement>('tr[data-id]');
  // keys typed into a control inside a row (a toggle) are the control's
  if (row && target !== row && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('tr[data-id]')];
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
    case 'Home':
      return move(0);
    case 'End':
      return move(rows.length - 1);
  }
  const id = row?.dataset.id;
  if (!id) return;
  if (e.key === 'Enter') {
    e.preventDefault();
    a.open(id);
  } else if (e.key === 'Delete' || e.key === 'd') {
    e.preventDefault();
    a.remove(id);
  }
}
