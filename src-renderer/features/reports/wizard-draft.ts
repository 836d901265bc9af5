import type { ReportInputs, ReportRecipe, ReportType } from '../../../src-main/reports/types';
import { fromLocalInput } from './report-format';
import { RECIPE_PRESETS } from './recipe-rrule';

/** The wizard's state, as typed. */
export interface WizardDraft {
  type: ReportType | null;
  /** chosen objects, or a live filter evaluated at the as-of time */
  mode: 'objects' | 'filter';
  objects: string[];
  filterTypes: string[];
  search: string;
  /** '' = any level */
  minLevel: string;
  /** datetime-local; '' = now */
  asOf: string;
  name: string;
  /** recipes only */
  rrule: string;
  enabled: boolean;
}

export const EMPTY_WIZARD: WizardDraft = {
  type: null,
  mode: 'objects',
  objects: [],
  filterTypes: [],
  search: '',
  minLevel: '',
  asOf: '',
  name: '',
  rrule: RECIPE_PRESETS[0]!.rrule,
  enabled: true,
};

/** A draft with a stored recipe's (or a report's) type, inputs and name. */
export function draftFromRecipe(r: Pick<ReportRecipe, 'type' | 'inputs' | 'name'> & Partial<Pick<ReportRecipe, 'rrule' | 'enabled'>>): WizardDraft {
  const base = { ...EMPTY_WIZARD, type: r.type, name: r.name, rrule: r.rrule ?? EMPTY_WIZARD.rrule, enabled: r.enabled ?? true };
  if ('objects' in r.inputs) return { ...base, mode: 'objects', objects: [...r.inputs.objects] };
  const f = r.inputs.filter;
  return { ...base, mode: 'filter', filterTypes: [...(f.types ?? [])], search: f.search ?? '', minLevel: f.minLevel === undefined ? '' : String(f.minLevel) };
}

/** The inputs as the API takes them, or null while nothing is chosen. */
export function inputsOf(d: WizardDraft): ReportInputs | null {
  if (d.mode === 'objects') return d.objects.length > 0 ? { objects: [...d.objects] } : null;
  const filter: { types?: string[]; search?: string; minLevel?: number } = {};
  if (d.filterTypes.length) filter.types = [...d.filterTypes];
  if (d.search.trim()) filter.search = d.search.trim();
  if (d.minLevel !== '') filter.minLevel = Number(d.minLevel);
  return { filter };
}

export type WizardProblem = { field: 'type' | 'inputs' | 'asOf' | 'name' | 'rrule'; message: string };

/** What stops the draft from being sent, first problem first (the server checks again). */
export function wizardProblems(d: WizardDraft, opts: { recipe: boolean; now?: Date }): WizardProblem[] {
  const out: WizardProblem[] = [];
  if (!d.type) out.push({ field: 'type', message: 'Choose a report type.' });
  if (d.mode === 'objects' && d.objects.length === 0) out.push({ field: 'inputs', message: 'Choose at least one object, or use a live filter.' });
  if (!opts.recipe && d.asOf) {
    const iso = fromLocalInput(d.asOf);
    if (!iso) out.push({ field: 'asOf', message: 'The as-of time is not a date.' });
    else if (new Date(iso).getTime() > (opts.now ?? new Date()).getTime() + 60_000) out.push({ field: 'asOf', message: 'The as-of time is in the future: a report shows what is known.' });
  }
  if (d.name.length > 200) out.push({ field: 'name', message: 'The name is longer than 200 characters.' });
  if (opts.recipe && !d.name.trim()) out.push({ field: 'name', message: 'A recipe needs a name (its reports are named after it).' });
  return out;
}
