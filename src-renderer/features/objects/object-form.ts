import type { FieldDescription, TypeDescription } from '../../../src-main/api/types';

/** Form state: every field as the text (or flag) the user entered. */
export type FormValues = Record<string, string | boolean>;

export function initialValues(type: TypeDescription): FormValues {
  const v: FormValues = {};
  for (const f of type.fields) {
    if (f.kind === 'boolean') v[f.name] = false;
    else if (f.kind === 'enum' && f.enumValues?.length === 1) v[f.name] = f.enumValues[0];
    else v[f.name] = '';
  }
  return v;
}

/** Key fields first, then required ones, then the rest, each group in declaration order. */
export function orderFields(type: TypeDescription): { main: FieldDescription[]; optional: FieldDescription[] } {
  const keys = new Set(type.key);
  const main = [...type.fields.filter((f) => keys.has(f.name)), ...type.fields.filter((f) => !keys.has(f.name) && f.required)];
  const optional = type.fields.filter((f) => !keys.has(f.name) && !f.required);
  return { main, optional };
}

/**
 * A reference typed as a bare natural key gets its type prefixed when only one concrete type is
 * allowed (typing `internet` for a Network means `Network|internet`).
 */
export function resolveReference(text: string, field: FieldDescription, types: readonly TypeDescription[]): string {
  const t = text.trim();
  if (!t || t.includes('|')) return t;
  const concrete = new Set<string>();
  for (const name of field.refTypes ?? []) {
    const desc = types.find((d) => d.name === name);
    for (const c of desc?.concrete ?? [name]) concrete.add(c);
  }
  return concrete.size === 1 ? `${[...concrete][0]}|${t}` : t;
}

/** Turns form text into the object's data; client-side errors by field (the core re-validates). */
export function buildData(
  type: TypeDescription,
  values: FormValues,
  types: readonly TypeDescription[],
): { data: Record<string, unknown>; errors: Record<string, string> } {
  const data: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of type.fields) {
    const raw = values[f.name];
    if (f.kind === 'boolean') {
      if (raw === true || f.required) data[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) {
      if (f.required) errors[f.name] = 'Required.';
      continue;
    }
    switch (f.kind) {
      case 'integer':
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) errors[f.name] = f.kind === 'integer' ? 'A whole number.' : 'A number.';
        else if (f.min !== undefined && n < f.min) errors[f.name] = `At least ${f.min}.`;
        else if (f.max !== undefined && n > f.max) errors[f.name] = `At most ${f.max}.`;
        else data[f.name] = n;
        break;
      }
      case 'json':
        try {
          data[f.name] = JSON.parse(text);
        } catch {
          errors[f.name] = 'Not valid JSON.';
        }
        break;
      case 'string[]':
        data[f.name] = text
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case 'datetime': {
        const d = new Date(text);
        if (Number.isNaN(d.getTime())) errors[f.name] = 'Not a date and time.';
        else data[f.name] = d.toISOString();
        break;
      }
      case 'reference':
        data[f.name] = resolveReference(text, f, types);
        break;
      default:
        data[f.name] = text;
    }
  }
  return { data, errors };
}

/** The field an API error points at (`details.field`, possibly prefixed with `object.data.`). */
export function errorField(details: Record<string, unknown> | undefined): string | null {
  const f = details?.field;
  if (typeof f !== 'string' || !f) return null;
  return f.replace(/^object\.data\./, '').replace(/^data\./, '');
}
