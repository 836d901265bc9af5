import { useEffect, useRef, useState } from 'react';
import type { Timeline } from '../../../src-main/api/contracts/explorer';
import { api } from '../../api/client';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { setAsOf } from './actions';
import { explorerController } from './controller';

const SLIDE_DEBOUNCE_MS = 250;

/** The time slider: the drawn graph as it was at any change time; the last stop is now. */
export function TimeBar({ onTimeline }: { onTimeline(points: string[]): void }) {
  const org = useStore((s) => s.currentOrg);
  const start = useStore((s) => s.explorerStart);
  const status = useStore((s) => s.explorerStatus);
  const asOf = useStore((s) => s.explorerAsOf);
  const compare = useStore((s) => s.explorerCompare);
  const setExplorer = useStore((s) => s.setExplorer);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const startKey = start.join('\n');

  useEffect(() => {
    if (!org || start.length === 0 || status !== 'ready') return;
    let stale = false;
    const pks = [...explorerController().model.nodes.values()].filter((n) => n.kind === 'object').map((n) => n.id).slice(0, 5000);
    api()
      .call('explorer.timeline', { org, pks: pks.length ? pks : undefined })
      .then(
        (t) => {
          if (stale) return;
          setTimeline(t);
          setError(null);
          onTimeline(t.points);
        },
        (e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloaded when the start objects change
  }, [org, startKey, status === 'ready']);

  const points = timeline?.points ?? [];
  const max = points.length; // index `max` = now
  const current = index ?? (asOf ? Math.max(0, points.findIndex((p) => p >= asOf)) : max);

  const move = (i: number) => {
    setIndex(i);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setIndex(null);
      void setAsOf(i >= max ? null : points[i]!);
    }, SLIDE_DEBOUNCE_MS);
  };

  if (start.length === 0) return null;
  return (
    <div className="explorer-timebar" role="group" aria-label="Time travel">
      <span className="timebar-head">As of</span>
      {error && <span className="text-danger small">{error}</span>}
      {!timeline && !error && <span className="muted small">loading history…</span>}
      {timeline && points.length === 0 && <span className="muted small">no history for these objects</span>}
      {timeline && points.length > 0 && (
        <>
          <button type="button" className="button small ghost" aria-label="Previous change" disabled={current <= 0} onClick={() => move(current - 1)}>
            ◀
          </button>
          <input
            type="range"
            className="timebar-slider"
            min={0}
            max={max}
            step={1}
            value={current}
            aria-label="Time slider"
            aria-valuetext={current >= max ? 'now' : formatDate(points[current])}
            onChange={(e) => move(Number(e.target.value))}
          />
          <button type="button" className="button small ghost" aria-label="Next change" disabled={current >= max} onClick={() => move(current + 1)}>
            ▶
          </button>
          <span className="timebar-value" data-testid="explorer-asof">
            {current >= max ? 'now' : formatDate(points[current])}
          </span>
          <span className="muted small">
            {points.length} change{points.length === 1 ? '' : 's'} since {formatDate(timeline.first)}
          </span>
          {asOf && (
            <button type="button" className="button small" onClick={() => move(max)}>
              Back to now
            </button>
          )}
          <button type="button" className={`button small${compare ? ' on' : ''}`} onClick={() => setExplorer({ explorerPanel: 'compare' })}>
            Compare…
          </button>
        </>
      )}
    </div>
  );
}
