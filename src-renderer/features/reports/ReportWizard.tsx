import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import type { WizardPrefill } from '../../stores/reports-slice';
import type { ErrorInfo } from '../../stores/types';
import { CheckPanel, useReportCheck } from './CheckPanel';
import { InputsStep } from './InputsStep';
import { RecipeFields } from './RecipeFields';
import { withStart } from './recipe-rrule';
import { fromLocalInput, toLocalInput } from './report-format';
import { TypePicker } from './TypePicker';
import { draftFromRecipe, EMPTY_WIZARD, inputsOf, wizardProblems, type WizardDraft } from './wizard-draft';

interface Props {
  /** make a recipe (a recurring report) instead of one report */
  recipe: boolean;
  /** the recipe to change */
  recipeId?: string;
  /** type, inputs and name of the report it starts from */
  prefill?: WizardPrefill;
}

/** Seconds since `start`, ticking while `on` (progress while the core works; reports.create has no progress events). */
function useElapsed(on: boolean): number {
  const [s, setS] = useState(0);
  useEffect(() => {
    if (!on) return;
    setS(0);
    const start = Date.now();
    const t = window.setInterval(() => setS(Math.floor((Date.now() - start) / 1000)), 500);
    return () => window.clearInterval(t);
  }, [on]);
  return s;
}

/**
 * The report wizard: 1 type, 2 inputs (chosen objects or a live filter), 3 as-of time and name
 * (or, for a recipe, name and recurrence), 4 the check (objects reached, plugins disabled or not
 * run) and Create, with progress while the core makes the report.
 */
export function ReportWizard({ recipe, recipeId, prefill }: Props) {
  const org = useStore((s) => s.currentOrg)!;
  const orgName = useStore((s) => s.orgs.find((o) => o.code === s.currentOrg)?.name ?? s.currentOrg);
  const types = useStore((s) => s.reportTypes);
  const typesStatus = useStore((s) => s.reportTypesStatus);
  const typesError = useStore((s) => s.reportTypesError);
  const loadTypes = useStore((s) => s.loadReportTypes);
  const existing = useStore((s) => (recipeId ? (s.recipes.find((r) => r.id === recipeId) ?? null) : null));
  const close = useStore((s) => s.closeReportScreen);
  const openReport = useStore((s) => s.openReport);
  const putRecipe = useStore((s) => s.putRecipe);
  const setTab = useStore((s) => s.setReportsTab);
  const toast = useStore((s) => s.toast);
  const [draft, setDraft] = useState<WizardDraft>(() => (existing ? draftFromRecipe(existing) : prefill ? draftFromRecipe(prefill) : EMPTY_WIZARD));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [tried, setTried] = useState(false);
  const elapsed = useElapsed(busy);
  const info = types.find((t) => t.type === draft.type) ?? null;
  const inputs = inputsOf(draft);
  const check = useReportCheck(org, draft.type, inputs);
  const problems = wizardProblems(draft, { recipe });
  const problem = (f: string) => (tried ? (problems.find((p) => p.field === f)?.message ?? null) : null);
  const rruleServerError = error && error.details && (error.details as { field?: unknown }).field === 'rrule' ? error.message : null;

  useEffect(() => void loadTypes(), [loadTypes]);
  // a new type keeps chosen objects, but its filter types start from nothing
  const change = (patch: Partial<WizardDraft>) => setDraft((d) => ({ ...d, ...patch, ...(patch.type && patch.type !== d.type ? { filterTypes: [] } : {}) }));

  const submit = async () => {
    setTried(true);
    if (problems.length > 0 || !draft.type || !inputs) return;
    setBusy(true);
    setError(null);
    try {
      if (recipe) {
        const saved = await api().call('reports.recipes.save', {
          org,
          ...(recipeId ? { id: recipeId } : {}),
          name: draft.name.trim(),
          type: draft.type,
          inputs,
          rrule: withStart(draft.rrule),
          enabled: draft.enabled,
        });
        putRecipe(saved);
        toast('success', `Recipe “${saved.name}” ${recipeId ? 'saved' : 'created'}.`);
        setTab('recipes');
      } else {
        const asOf = fromLocalInput(draft.asOf) ?? undefined;
        const report = await api().call('reports.create', { org, type: draft.type, inputs, asOf, name: draft.name.trim() || undefined });
        toast('success', `Report “${report.name}” made.`);
        openReport(report.id);
      }
    } catch (e) {
      const err = ApiError.from(e);
      setError({ code: err.code, message: err.message, details: err.details });
      setBusy(false);
    }
  };

  const title = recipe ? (recipeId ? `Recipe ${existing?.name ?? ''}` : 'New recipe') : 'New report';
  return (
    <section className="reports-view report-wizard" aria-label={title}>
      <header className="view-header">
        <div className="view-title">
          <button type="button" className="icon-button" aria-label="Back to the list" title="Back (Esc)" onClick={close}>
            <Icon name="back" />
          </button>
          <h1>{title}</h1>
          <span className="muted">{orgName}</span>
        </div>
      </header>
      <form
        className="wizard-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <section className="wizard-step" aria-labelledby="step-type">
          <h2 id="step-type">
            <span className="step-no">1</span> Report type
          </h2>
          {typesStatus === 'error' && <ErrorBox error={typesError} onRetry={() => void loadTypes()} compact />}
          {typesStatus !== 'ready' && typesStatus !== 'error' && <Spinner label="Loading report types" />}
          {typesStatus === 'ready' && <TypePicker types={types} value={draft.type} onChange={(type) => change({ type })} />}
          {problem('type') && (
            <div className="field-error" role="alert">
              {problem('type')}
            </div>
          )}
        </section>

        <section className="wizard-step" aria-labelledby="step-inputs">
          <h2 id="step-inputs">
            <span className="step-no">2</span> Inputs
          </h2>
          <InputsStep org={org} info={info} draft={draft} onChange={change} error={problem('inputs')} />
        </section>

        <section className="wizard-step" aria-labelledby="step-when">
          <h2 id="step-when">
            <span className="step-no">3</span> {recipe ? 'Name and recurrence' : 'Time and name'}
          </h2>
          <div className="form-grid">
            {!recipe && (
              <div className={`form-field${problem('asOf') ? ' has-error' : ''}`}>
                <label htmlFor="wiz-asof">As of</label>
                <div className="asof-line">
                  <input
                    id="wiz-asof"
                    type="datetime-local"
                    value={draft.asOf}
                    max={toLocalInput(new Date().toISOString())}
                    aria-invalid={problem('asOf') ? true : undefined}
                    onChange={(e) => change({ asOf: e.target.value })}
                  />
                  {draft.asOf && (
                    <button type="button" className="button small ghost" onClick={() => change({ asOf: '' })}>
                      Now
                    </button>
                  )}
                </div>
                {problem('asOf') ? (
                  <div className="field-error" role="alert">
                    {problem('asOf')}
                  </div>
                ) : (
                  <div className="field-hint">{draft.asOf ? 'The graph as it was at this moment (your local time).' : 'Empty: now. Pick a past moment to report the graph as it was then.'}</div>
                )}
              </div>
            )}
            <div className={`form-field${problem('name') ? ' has-error' : ''}`}>
              <label htmlFor="wiz-name">Name{recipe && <span className="required"> *</span>}</label>
              <input
                id="wiz-name"
                value={draft.name}
                maxLength={200}
                placeholder={info ? `${info.name} ${new Date().toISOString().slice(0, 10)}` : 'Report name'}
                aria-invalid={problem('name') ? true : undefined}
                onChange={(e) => change({ name: e.target.value })}
              />
              {problem('name') ? (
                <div className="field-error" role="alert">
                  {problem('name')}
                </div>
              ) : (
                <div className="field-hint">{recipe ? 'Each report the recipe makes is named after it, with the date.' : 'Empty: the type and the date. The PDF file is named after it.'}</div>
              )}
            </div>
          </div>
          {recipe && <RecipeFields rrule={draft.rrule} enabled={draft.enabled} serverError={rruleServerError} onChange={change} />}
        </section>

        <section className="wizard-step" aria-labelledby="step-check">
          <h2 id="step-check">
            <span className="step-no">4</span> Check
          </h2>
          <CheckPanel check={check} info={info} recipe={recipe} />
        </section>

        <footer className="wizard-footer">
          {busy && !recipe && (
            <div className="create-progress" role="status" aria-live="polite" data-testid="create-progress">
              <span className="progress-bar indeterminate" aria-hidden="true" />
              <span>
                Making the report{check.status === 'ready' ? ` on ${check.objects.toLocaleString()} objects` : ''}… {elapsed > 0 ? `${elapsed} s` : ''}
              </span>
            </div>
          )}
          <ErrorBox error={rruleServerError ? null : error} compact />
          <div className="wizard-actions">
            {check.status === 'ready' && (
              <button type="button" className="link-button small check-summary" onClick={() => document.getElementById('step-check')?.scrollIntoView({ block: 'start' })}>
                Covers {check.objects.toLocaleString()} {check.objects === 1 ? 'object' : 'objects'}
                {check.warnings.length > 0 ? ` · ${check.warnings.length} plugin ${check.warnings.length === 1 ? 'warning' : 'warnings'}` : ' · plugins ready'}
              </button>
            )}
            <button type="button" className="button" onClick={close} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy || (!recipe && !draft.asOf && check.status === 'ready' && check.objects === 0)}>
              {recipe ? (busy ? 'Saving…' : recipeId ? 'Save recipe' : 'Create recipe') : busy ? 'Making report…' : 'Create report'}
            </button>
          </div>
        </footer>
      </form>
    </section>
  );
}
