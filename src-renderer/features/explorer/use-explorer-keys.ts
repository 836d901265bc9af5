import { useEffect } from 'react';
import { useStore } from '../../stores/store';
import { clearCompare, clearPaths, clearProof, hideNodes, selectNode, toggleNode } from './actions';
import { explorerController } from './controller';

const NON_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);
function typing(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t instanceof HTMLInputElement) return !NON_TEXT.has(t.type);
  return t.isContentEditable || ['TEXTAREA', 'SELECT'].includes(t.tagName);
}

/**
 * The explorer's keys: Esc clears the selection (then the path, comparison and proof marks),
 * Delete/Backspace hides the selected node, Enter or x expands/collapses it, f fits, t toggles the table.
 */
export function useExplorerKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const s = useStore.getState();
      if (s.view !== 'explorer' || s.dialog || typing(e.target)) return;
      const sel = s.explorerSelected;
      if (e.target instanceof HTMLElement && e.target.closest('.explorer-table-body') && (e.key === 'Enter' || e.key.startsWith('Arrow'))) return;
      switch (e.key) {
        case 'Escape':
          if (sel) selectNode(null);
          else if (s.explorerPaths) clearPaths();
          else if (s.explorerCompare) clearCompare();
          else if (s.explorerProof) clearProof();
          else if (s.explorerNotice) s.setExplorer({ explorerNotice: null });
          else return;
          break;
        case 'Delete':
        case 'Backspace':
          if (!sel) return;
          hideNodes([sel]);
          break;
        case 'Enter':
        case 'x':
          if (!sel) return;
          void toggleNode(sel);
          break;
        case 'f':
          explorerController().fit();
          break;
        case 't':
          if (s.explorerOverBudget === null && s.explorerStart.length) s.setExplorer({ explorerTable: !s.explorerTable });
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
