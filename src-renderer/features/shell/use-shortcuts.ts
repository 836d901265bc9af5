import { useEffect } from 'react';
import { useStore } from '../../stores/store';
import { VIEWS } from '../../stores/ui-slice';

/** how long after `g` the second key of a "go to" sequence counts */
const SEQUENCE_MS = 1200;

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `/` focuses the search of the current view; `g o` / `g f` / `g e` / `g p` / `g t` / `g s` / `g r` switch to Objects,
 * Findings, Explorer, Plugins, Tasks, Schedules, Reports; Esc closes the detail panel when no dialog is open.
 */
export function useShortcuts(): void {
  useEffect(() => {
    let goPressedAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const s = useStore.getState();
      if (s.dialog || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (goPressedAt && Date.now() - goPressedAt < SEQUENCE_MS) {
        goPressedAt = 0;
        const target = VIEWS.find((v) => v.key === key);
        if (target) {
          e.preventDefault();
          s.setView(target.view);
          return;
        }
      }
      if (key === 'g') {
        goPressedAt = Date.now();
        return;
      }
      goPressedAt = 0;
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-view-search]');
        if (search) {
          e.preventDefault();
          search.focus();
          search.select();
        }
      } else if (e.key === 'Escape') {
        if (s.view === 'objects' && s.openPk) s.closeObject();
        else if (s.view === 'plugins' && s.openPluginId) s.openPlugin(null);
        else if (s.view === 'tasks' && s.openTaskId) s.openTask(null);
        else if (s.view === 'schedules' && s.openScheduleId) s.openSchedule(null);
        else if (s.view === 'findings' && s.openFindingPk) s.openFinding(null);
        else if (s.view === 'reports') s.closeReportScreen();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
