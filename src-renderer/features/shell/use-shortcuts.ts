import { useEffect } from 'react';
import { useStore } from '../../stores/store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `/` focuses the search; Esc closes the detail panel when no dialog is open. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const s = useStore.getState();
      if (e.key === '/' && !isTyping(e.target) && !s.dialog) {
        const search = document.getElementById('object-search') as HTMLInputElement | null;
        if (search) {
          e.preventDefault();
          search.focus();
          search.select();
        }
      } else if (e.key === 'Escape' && !s.dialog && s.openPk && !isTyping(e.target)) {
        s.closeObject();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
