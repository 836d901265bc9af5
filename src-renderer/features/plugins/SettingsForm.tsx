import { useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import type { ErrorInfo } from '../../stores/types';
import { fieldOfError, fieldsOf, initialState, toPayload, type FormState, type Payload, type SettingField } from './settings-form';

interface Props {
  pluginId: string;
  schema: Record<string, unknown> | null;
  settings: Record<string, unknown>;
  secretsSet: readonly string[];
  onSave(payload: Payload): Promise<void>;
  /** the form's accessible name (default "Settings") */
  label?: string;
  /** the submit button's text (default "Save settings") */
  saveLabel?: string;
  /** more buttons beside the submit button (e.g. Reset) */
  actions?: ReactNode;
}

function Control({ f, id, state, setValue, setClear, masked, isSet, invalid }: {
  f: SettingField;
  id: string;
  state: FormState;
  setValue(v: string | boolean | string[]): void;
  setClear(on: boolean): void;
  masked: unknown;
  isSet: boolean;
  invalid: boolean;
}) {
  const v = state.values[f.name];
  const aria = { 'aria-invalid': invalid || undefined, 'aria-describedby': `${id}-hint ${id}-error` };
  switch (f.kind) {
    case 'boolean':
      return (
        <label className="inline-check">
          <input id={id} type="checkbox" checked={v === true} onChange={(e) => setValue(e.target.checked)} {...aria} />
          {v === true ? 'On' : 'Off'}
        </label>
      );
    case 'enum':
      return (
        <select id={id} value={String(v)} onChange={(e) => setValue(e.target.value)} {...aria}>
          {!f.required && <option value="">(default)</option>}
          {f.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
    case 'multi-enum': {
      const ticked = Array.isArray(v) ? v : [];
      return (
        <div id={id} className="multi-enum" role="group" aria-label={f.label}>
          {f.options.map((o) => (
            <label key={o} className="inline-check">
              <input
                type="checkbox"
                checked={ticked.includes(o)}
                onChange={(e) => setValue(e.target.checked ? [...ticked, o] : ticked.filter((x) => x !== o))}
              />
              {o}
            </label>
          ))}
        </div>
      );
    }
    case 'secret': {
      const clearing = state.clear[f.name] === true;
      return (
        <div className="secret-control">
          <span className={`secret-state${isSet && !clearing ? ' set' : ''}`} data-testid={`secret-state-${f.name}`}>
            {clearing ? 'will be cleared' : isSet ? `set${typeof masked === 'string' ? ` (${masked})` : ''}` : 'not set'}
          </span>
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            placeholder={isSet ? 'Leave empty to keep the stored value' : 'Enter a value'}
            value={String(v)}
            disabled={clearing}
            onChange={(e) => setValue(e.target.value)}
            {...aria}
          />
          {isSet && (
            <button type="button" className="button small" onClick={() => setClear(!clearing)}>
              {clearing ? 'Keep' : 'Clear'}
            </button>
          )}
        </div>
      );
    }
    default:
      return (
        <input
          id={id}
          type="text"
          inputMode={f.kind === 'integer' || f.kind === 'number' ? 'numeric' : undefined}
          placeholder={f.kind === 'list' ? 'comma-separated, e.g. 22, 80' : f.defaultValue !== undefined ? `default: ${JSON.stringify(f.defaultValue)}` : undefined}
          value={String(v)}
          onChange={(e) => setValue(e.target.value)}
          className={f.kind === 'json' ? 'mono' : undefined}
          {...aria}
        />
      );
  }
}

/** A boefje's settings (or a bit's configuration), generated from its schema; errors land on the field they name. */
export function SettingsForm({ pluginId, schema, settings, secretsSet, onSave, label = 'Settings', saveLabel = 'Save settings', actions }: Props) {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const [state, setState] = useState<FormState>(() => initialState(fields, settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  if (fields.length === 0) return <div className="muted">This plugin has no settings.</div>;

  const save = async () => {
    const { payload, errors: local } = toPayload(fields, state);
    setErrors(local);
    setGeneral(null);
    setSaved(false);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await onSave(payload);
      setSaved(true);
    } catch (e) {
      const err = ApiError.from(e);
      const field = fieldOfError(err.details);
      if (err.code === 'PLUGIN_SETTINGS_INVALID' && field && fields.some((f) => f.name === field)) setErrors({ [field]: err.message });
      else setGeneral(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="settings-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {fields.map((f) => {
        const id = `setting-${pluginId}-${f.name}`;
        return (
          <FormField key={f.name} id={id} label={f.label} required={f.required} hint={f.description} error={errors[f.name]}>
            <Control
              f={f}
              id={id}
              state={state}
              masked={settings[f.name]}
              isSet={secretsSet.includes(f.name)}
              invalid={!!errors[f.name]}
              setValue={(v) => {
                setSaved(false);
                if (errors[f.name]) setErrors(({ [f.name]: _gone, ...rest }) => rest);
                setState((s) => ({ ...s, values: { ...s.values, [f.name]: v } }));
              }}
              setClear={(on) => setState((s) => ({ ...s, clear: { ...s.clear, [f.name]: on }, values: { ...s.values, [f.name]: '' } }))}
            />
          </FormField>
        );
      })}
      <ErrorBox error={general} compact />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : saveLabel}
        </button>
        {actions}
        {saved && (
          <span className="saved-note" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
