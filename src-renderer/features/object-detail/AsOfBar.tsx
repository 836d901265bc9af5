import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';

/** datetime-local text (local time, no zone) for an ISO instant */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "View as of": a valid time to look at the object in the past, with a clear banner and a way back. */
export function AsOfBar() {
  const asOf = useStore((s) => s.asOf);
  const setAsOf = useStore((s) => s.setAsOf);
  const [text, setText] = useState(asOf ? toLocalInput(asOf) : '');

  const apply = () => {
    const d = new Date(text);
    if (!text || Number.isNaN(d.getTime())) return;
    setAsOf(d.toISOString());
  };

  return (
    <div className="asof">
      {asOf && (
        <div className="asof-banner" role="status">
          <Icon name="clock" />
          <span>
            Viewing as of <strong>{formatDate(asOf)}</strong>
          </span>
          <button
            type="button"
            className="button small"
            onClick={() => {
              setAsOf(null);
              setText('');
            }}
          >
            Back to now
          </button>
        </div>
      )}
      <div className="asof-controls">
        <label htmlFor="asof-input">View as of</label>
        <input
          id="asof-input"
          type="datetime-local"
          step={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
        <button type="button" className="button small" onClick={apply} disabled={!text}>
          Show
        </button>
      </div>
    </div>
  );
}

