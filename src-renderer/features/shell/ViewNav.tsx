import { useStore } from '../../stores/store';
import { VIEWS } from '../../stores/ui-slice';

/** The top-level views in the left bar; `g` then the letter switches by keyboard. */
export function ViewNav() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const failed = useStore((s) => s.taskCounts?.failed ?? 0);
  return (
    <ul className="view-nav" aria-label="Views">
      {VIEWS.map((v) => (
        <li key={v.view}>
          <button
            type="button"
            className={`view-nav-item${view === v.view ? ' active' : ''}`}
            aria-current={view === v.view ? 'page' : undefined}
            title={`${v.label} (press G then ${v.key.toUpperCase()})`}
            onClick={() => setView(v.view)}
          >
            <span className={`view-nav-icon nav-${v.view}`} aria-hidden="true" />
            <span className="view-nav-label">{v.label}</span>
            {v.view === 'tasks' && failed > 0 && (
              <span className="view-nav-count failed" title={`${failed} failed tasks`}>
                {failed}
              </span>
            )}
            <kbd className="view-nav-kbd" aria-hidden="true">
              g {v.key}
            </kbd>
          </button>
        </li>
      ))}
    </ul>
  );
}
