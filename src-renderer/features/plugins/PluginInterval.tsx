import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMinutes } from '../../components/format';
import type { ErrorInfo } from '../../stores/types';

interface Props {
  org: string;
  pluginId: string;
  /** the stored interval in minutes (null: the default), if the core told */
  initial: number | null | undefined;
  onSaved(minutes: number | null): void;
}

const MAX_MINUTES = 525_600;

/** How often a boefje may run on the same object (its grace period); empty keeps the 24 h default. */
export function PluginInterval({ org, pluginId, initial, onSaved }: Props) {
  const [stored, setStored] = useState<number | null | undefined>(initial);
  const [text, setText] = useState(initial ? String(initial) : '');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = text.trim();
  const minutes = trimmed === '' ? null : Number(trimmed);
  const invalid = minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES);
  const unchanged = stored !== undefined && minutes === stored;

  const save = async () => {
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api().call('plugins.interval.set', { org, id: pluginId, intervalMinutes: minutes });
      setStored(res.intervalMinutes);
      onSaved(res.intervalMinutes);
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="sec-interval">
      <h3 id="sec-interval">Interval</h3>
      <form
        className={`interval-form${invalid ? ' has-error' : ''}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="plugin-interval" className="interval-label">
          Run at most every
        </label>
        <input
          id="plugin-interval"
          className="interval-input"
          inputMode="numeric"
          placeholder="1440"
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby="plugin-interval-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <span className="muted">minutes</span>
        <button type="submit" className="button small" disabled={busy || invalid || unchanged}>
          {busy ? 'Saving…' : 'Save interval'}
        </button>
      </form>
      <div id="plugin-interval-hint" className={invalid ? 'field-error' : 'field-hint'}>
        {invalid
          ? `A whole number of minutes from 1 to ${MAX_MINUTES.toLocaleString()}, or empty for the default.`
          : stored === undefined
            ? 'Empty: the default grace period of 24 hours. A manual scan ignores it.'
            : `Now: ${stored === null ? 'the default, 24 hours' : `every ${formatMinutes(stored)}`}. Empty restores the 24 h default; a manual scan ignores it.`}
      </div>
      <ErrorBox error={error} compact />
    </section>
  );
}
