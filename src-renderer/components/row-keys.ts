import type { KeyboardEvent } from 'react';

/** onKeyDown for a table body: ArrowUp / ArrowDown move the focus between its rows. */
export function moveBetweenRows(e: KeyboardEvent<HTMLTableSectionElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('tr')];
  const i = rows.indexOf(document.activeElement as HTMLElement);
  const next = rows[e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1)];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}
