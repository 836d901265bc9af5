import type { Schedule, ScheduleOperation } from '../../../src-main/api/contracts/schedules';
import type { TypeDescription } from '../../../src-main/api/types';
import { Toggle } from '../../components/Toggle';
import { QueryField } from './QueryField';
import { operationsFor, RECURRENCE_PRESETS, RUN_ON_FILE, type DraftField, type FieldError, type ScheduleDraft } from './schedule-draft';

interface Props {
  draft: ScheduleDraft;
  onChange(patch: Partial<ScheduleDraft>): void;
  /** the error to show, on the field it is about */
  error: FieldError | null;
  /** the stored schedule (for the server's reading of the recurrence) */
  saved: Schedule | null;
  types: readonly TypeDescription[];
}

const on = (error: FieldError | null, field: DraftField) => (error?.field === field ? error : null);

/**
 * The fields of a schedule: name, recurrence with presets, trigger, the two filters, enabled. A
 * schedule on raw files (Run on: "Raw files") has a mime type instead of the object filter, and its
 * plugins are normalizers.
 */
export function ScheduleForm({ draft, onChange, error, saved, types }: Props) {
  const nameError = on(error, 'name');
  const runOnError = on(error, 'runOn');
  const mimeError = on(error, 'mimeType');
  const onFiles = draft.runOn === RUN_ON_FILE;
  const ops = operationsFor(draft.runOn);
  const toggleOp = (op: ScheduleOperation, checked: boolean) =>
    onChange({ operations: checked ? ops.filter((o) => o === op || draft.operations.includes(o)) : draft.operations.filter((o) => o !== op) });
  const setRunOn = (runOn: string) => {
    const allowed = operationsFor(runOn);
    const kept = draft.operations.filter((o) => allowed.includes(o));
    onChange({ runOn, operations: runOn && kept.length === 0 ? ['created'] : kept, mimeType: runOn === RUN_ON_FILE && !draft.mimeType ? '*/*' : draft.mimeType });
  };
  const recurrenceUnchanged = saved !== null && draft.recurrence.trim() === (saved.recurrence ?? '');

  return (
    <div className="schedule-form">
      <div className={`form-field${nameError ? ' has-error' : ''}`}>
        <label htmlFor="sched-name">Name</label>
        <input
          id="sched-name"
          value={draft.name}
          maxLength={200}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'sched-name-error' : undefined}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {nameError && (
          <div className="field-error" id="sched-name-error" role="alert">
            {nameError.message}
          </div>
        )}
      </div>
      <div className="enable-line">
        <Toggle checked={draft.enabled} label="Schedule enabled" showLabel onChange={(enabled) => onChange({ enabled })} />
      </div>

      <QueryField
        id="sched-recurrence"
        label="Recurrence"
        value={draft.recurrence}
        onChange={(recurrence) => onChange({ recurrence })}
        placeholder="FREQ=DAILY;BYHOUR=2;BYMINUTE=0  (empty: on events only)"
        hint={recurrenceUnchanged && saved?.recurrenceText ? undefined : 'An iCalendar RRULE, times in UTC; empty runs on events only.'}
        error={on(error, 'recurrence')}
      >
        <div className="preset-line">
          {RECURRENCE_PRESETS.map((p) => (
            <button key={p.value} type="button" className={`button small${draft.recurrence.trim() === p.value ? ' on' : ''}`} onClick={() => onChange({ recurrence: p.value })}>
              {p.label}
            </button>
          ))}
          {draft.recurrence && (
            <button type="button" className="button small ghost" onClick={() => onChange({ recurrence: '' })}>
              None
            </button>
          )}
          {recurrenceUnchanged && saved?.recurrenceText && (
            <span className="recurrence-text" data-testid="recurrence-text">
              {saved.recurrenceText}
            </span>
          )}
        </div>
      </QueryField>

      <div className={`form-field${runOnError ? ' has-error' : ''}`}>
        <label htmlFor="sched-runon">Run on</label>
        <div className="runon-line">
          <select
            id="sched-runon"
            value={draft.runOn}
            aria-invalid={runOnError ? true : undefined}
            onChange={(e) => setRunOn(e.target.value)}
          >
            <option value="">No trigger (recurrence only)</option>
            <option value={RUN_ON_FILE}>Raw files (normalizers)</option>
            {types.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
                {t.abstract ? ' (and subtypes)' : ''}
              </option>
            ))}
          </select>
          <fieldset className="ops" disabled={!draft.runOn} aria-label="Operations">
            {ops.map((op) => (
              <label key={op} className="op-check">
                <input type="checkbox" checked={draft.runOn !== '' && draft.operations.includes(op)} onChange={(e) => toggleOp(op, e.target.checked)} />
                {op}
              </label>
            ))}
          </fieldset>
        </div>
        {runOnError ? (
          <div className="field-error" role="alert">
            {runOnError.message}
          </div>
        ) : (
          <div className="field-hint">
            {onFiles
              ? 'Created: read every new raw file of the mime type. A recurrence re-reads the stored files (the newest of each boefje and object) with normalizers that have not read them at their current version.'
              : 'Run when an object of this type is created or updated (a level change counts as updated).'}
          </div>
        )}
      </div>

      {onFiles && (
        <div className={`form-field${mimeError ? ' has-error' : ''}`}>
          <label htmlFor="sched-mime">Mime type</label>
          <input
            id="sched-mime"
            className="mono"
            value={draft.mimeType}
            maxLength={200}
            placeholder="boefje/nmap"
            aria-invalid={mimeError ? true : undefined}
            aria-describedby={mimeError ? 'sched-mime-error' : undefined}
            onChange={(e) => onChange({ mimeType: e.target.value })}
          />
          {mimeError ? (
            <div className="field-error" id="sched-mime-error" role="alert">
              {mimeError.message}
            </div>
          ) : (
            <div className="field-hint">Which raw files: one mime type (boefje/nmap), every subtype (boefje/*), or any file (*/*).</div>
          )}
        </div>
      )}

      <QueryField
        id="sched-plugins"
        label="Plugins filter"
        value={draft.plugins}
        onChange={(plugins) => onChange({ plugins })}
        placeholder="scan_level <= 2 and id not in ('nmap')"
        hint={onFiles ? "Which normalizers; empty: every enabled normalizer. e.g. consumes has 'boefje/nmap'" : "Which boefjes; empty: every enabled boefje. e.g. consumes has 'Hostname'"}
        error={on(error, 'plugins')}
      />
      {!onFiles && (
        <QueryField
        id="sched-input"
        label="Input filter"
        value={draft.input}
        onChange={(input) => onChange({ input })}
        placeholder="Hostname: scan_level > 0; IPAddress: scan_level >= 2"
        hint="Which objects, per type; empty: every object a boefje consumes."
        error={on(error, 'input')}
      />
      )}
    </div>
  );
}
