import { Toggle } from '../../components/Toggle';
import { formatDate } from '../../components/format';
import { checkRrule, RECIPE_PRESETS } from './recipe-rrule';

interface Props {
  rrule: string;
  enabled: boolean;
  /** the server's complaint about the recurrence, if it had one */
  serverError: string | null;
  onChange(patch: { rrule?: string; enabled?: boolean }): void;
}

/** A recipe's recurrence (presets or an RRULE, checked as typed, with the next runs) and its switch. */
export function RecipeFields({ rrule, enabled, serverError, onChange }: Props) {
  const check = checkRrule(rrule);
  const error = !check.ok ? check.message : serverError;
  return (
    <div className="recipe-fields">
      <div className={`form-field${error ? ' has-error' : ''}`}>
        <label htmlFor="wiz-rrule">Recurrence</label>
        <div className="preset-line">
          {RECIPE_PRESETS.map((p) => (
            <button key={p.id} type="button" className={`button small${rrule.trim().toUpperCase() === p.rrule ? ' on' : ''}`} onClick={() => onChange({ rrule: p.rrule })}>
              {p.label}
            </button>
          ))}
        </div>
        <textarea
          id="wiz-rrule"
          rows={rrule.includes('\n') ? 2 : 1}
          className="mono rrule-input"
          value={rrule}
          maxLength={1000}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby="wiz-rrule-help"
          placeholder="FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0"
          onChange={(e) => onChange({ rrule: e.target.value })}
        />
        <div id="wiz-rrule-help">
          {error ? (
            <div className="field-error" role="alert">
              {!check.ok && check.column !== null ? `Column ${check.column}: ` : ''}
              {error}
            </div>
          ) : check.ok ? (
            <div className="field-hint recurrence-preview" data-testid="rrule-preview">
              <span className="recurrence-text">{check.text}</span>
              {check.next.length > 0 && <span> · next: {check.next.map((d) => formatDate(d.toISOString())).join(', ')}</span>}
              {check.frequent && <div className="field-error">This makes a report more than once an hour; a report a day or a week is usually enough.</div>}
            </div>
          ) : null}
          <div className="field-hint">An iCalendar RRULE, times in UTC. Each run makes a report as of that moment, named after the recipe.</div>
        </div>
      </div>
      <div className="enable-line">
        <Toggle checked={enabled} label="Recipe enabled" showLabel onChange={(on) => onChange({ enabled: on })} />
      </div>
    </div>
  );
}
