import type { ReportTypeInfo } from '../../../src-main/reports/types';
import { ObjectChooser } from './ObjectChooser';
import type { WizardDraft } from './wizard-draft';

interface Props {
  org: string;
  info: ReportTypeInfo | null;
  draft: WizardDraft;
  onChange(patch: Partial<WizardDraft>): void;
  error: string | null;
}

const LEVELS = [0, 1, 2, 3, 4];

/** Chosen objects, or a live filter (types, text, minimum level) evaluated at the report's as-of time. */
export function InputsStep({ org, info, draft, onChange, error }: Props) {
  const inputTypes = info?.inputTypes ?? [];
  const toggleType = (t: string, on: boolean) => onChange({ filterTypes: on ? [...draft.filterTypes, t] : draft.filterTypes.filter((x) => x !== t) });
  return (
    <div className="inputs-step">
      <div className="segmented" role="radiogroup" aria-label="Inputs">
        <button type="button" role="radio" aria-checked={draft.mode === 'objects'} className={`button small${draft.mode === 'objects' ? ' on' : ''}`} onClick={() => onChange({ mode: 'objects' })}>
          Chosen objects
        </button>
        <button type="button" role="radio" aria-checked={draft.mode === 'filter'} className={`button small${draft.mode === 'filter' ? ' on' : ''}`} onClick={() => onChange({ mode: 'filter' })}>
          Live filter
        </button>
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {draft.mode === 'objects' ? (
        <ObjectChooser org={org} inputTypes={inputTypes} selected={draft.objects} onChange={(objects) => onChange({ objects })} />
      ) : (
        <div className="filter-editor">
          <p className="field-hint">Every object that matches when the report is made (at its as-of time): a recipe picks up new objects by itself.</p>
          <fieldset className="filter-types">
            <legend>Types</legend>
            {inputTypes.length === 0 && <span className="muted small">Every type</span>}
            {inputTypes.map((t) => (
              <label key={t} className="op-check">
                <input type="checkbox" checked={draft.filterTypes.includes(t)} onChange={(e) => toggleType(t, e.target.checked)} />
                {t}
              </label>
            ))}
            {inputTypes.length > 0 && <span className="muted small">{draft.filterTypes.length === 0 ? 'none ticked: every input type' : ''}</span>}
          </fieldset>
          <div className="form-grid">
            <div className="form-field">
              <label htmlFor="wiz-filter-search">Key contains</label>
              <input id="wiz-filter-search" value={draft.search} maxLength={200} placeholder="example.org" onChange={(e) => onChange({ search: e.target.value })} />
            </div>
            <div className="form-field">
              <label htmlFor="wiz-filter-level">Minimum scan level</label>
              <select id="wiz-filter-level" value={draft.minLevel} onChange={(e) => onChange({ minLevel: e.target.value })}>
                <option value="">Any level</option>
                {LEVELS.map((l) => (
                  <option key={l} value={String(l)}>
                    L{l} or higher
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
