import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { completedLastMinute } from '../../stores/queue-slice';
import { notifyPermission } from '../../stores/desktop-notify';
import { useStore } from '../../stores/store';

/** recomputes "completed in the last minute" as time passes (no API call) */
const TICK_MS = 10_000;

/** Queued and running tasks and the throughput of the current organisation; a click opens Tasks. */
export function QueueIndicator() {
  const org = useStore((s) => s.currentOrg);
  const queue = useStore((s) => s.queue);
  const loadQueue = useStore((s) => s.loadQueue);
  const setView = useStore((s) => s.setView);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (org) void loadQueue();
  }, [org, loadQueue]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    setNow(Date.now());
  }, [queue]);

  if (!org) return null;
  const perMinute = completedLastMinute(queue, now);
  const busy = queue !== null && queue.queued + queue.running > 0;
  const label = queue
    ? `Queue: ${queue.queued} queued, ${queue.running} running, ${perMinute} completed in the last minute. Open tasks`
    : 'Queue: loading. Open tasks';
  return (
    <button type="button" className={`status-button queue-indicator${busy ? ' busy' : ''}`} aria-label={label} title={label} onClick={() => setView('tasks')}>
      <span className="queue-dot" aria-hidden="true" />
      {queue ? (
        <>
          <span data-testid="queue-queued">{queue.queued}</span> queued · <span data-testid="queue-running">{queue.running}</span> running ·{' '}
          <span data-testid="queue-rate">{perMinute}</span>/min
        </>
      ) : (
        '…'
      )}
    </button>
  );
}

/** The bell: turns desktop notifications on (asking permission on this click) or off. */
export function NotifyToggle() {
  const enabled = useStore((s) => s.notifyEnabled);
  const setNotify = useStore((s) => s.setNotify);
  if (notifyPermission() === 'unsupported') return null;
  const label = enabled ? 'Notifications on: long scans and an emptied queue. Turn off' : 'Notifications off. Turn on desktop notifications';
  return (
    <button type="button" className={`status-button notify-toggle${enabled ? ' on' : ''}`} aria-label={label} aria-pressed={enabled} title={label} onClick={() => void setNotify(!enabled)}>
      <Icon name={enabled ? 'bell' : 'bellOff'} size={13} />
    </button>
  );
}
