import { useStore } from '../../stores/store';
import type { ThemeChoice } from '../../stores/ui-slice';
import { NotifyToggle, QueueIndicator } from './QueueIndicator';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };

/** Connection state, current organisation, the task queue, where the data lives, notifications, theme. */
export function StatusBar() {
  const connection = useStore((s) => s.connection);
  const org = useStore((s) => s.currentOrg);
  const info = useStore((s) => s.systemInfo);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const label =
    connection === 'connected' ? 'Connected' : connection === 'connecting' ? 'Connecting…' : 'Disconnected — reconnecting…';
  return (
    <footer className="status-bar">
      <span className={`status-item connection ${connection}`} role="status" aria-label={`Connection: ${label}`}>
        <span className="status-dot" aria-hidden="true" />
        {label}
      </span>
      <span className="status-item">
        <span className="muted">Org</span> {org ?? '—'}
      </span>
      <QueueIndicator />
      <span className="status-item data-location" title={info?.database}>
        <span className="muted">Data</span> <span className="mono">{info ? info.database : '…'}</span>
      </span>
      <span className="status-spacer" />
      {info && (
        <span className="status-item muted">
          {info.host} · v{info.version}
        </span>
      )}
      <NotifyToggle />
      <button type="button" className="status-button" aria-label={`Theme: ${theme}. Switch theme`} onClick={() => setTheme(NEXT_THEME[theme])}>
        Theme: {theme}
      </button>
    </footer>
  );
}
