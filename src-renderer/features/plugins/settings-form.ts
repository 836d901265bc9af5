/**
 * The settings form of a boefje (and a bit's configuration), derived from the JSON-Schema subset of
 * its manifest: which control each property gets, the form's starting values and the payload for
 * plugins.settings.set / bits.config.set.
 * Pure: no React, no API.
 */
export interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  enum?: (string | number | boolean)[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  secret?: boolean;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

/** `list`: an array of numbers or strings without fixed options, typed as "25, 53, 80" */
export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'multi-enum' | 'list' | 'secret' | 'json';

export interface SettingField {
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  required: boolean;
  options: string[];
  defaultValue: unknown;
  min?: number;
  max?: number;
  /** list: the type of its items */
  itemType?: 'integer' | 'number' | 'string';
}

/** text and numbers as typed; booleans; the ticked options of a multi-enum; a secret's new value */
export type FieldValue = string | boolean | string[];
export interface FormState {
  values: Record<string, FieldValue>;
  /** secrets the user asked to clear */
  clear: Record<string, boolean>;
}

function kindOf(node: SchemaNode): FieldKind {
  if (node.secret) return 'secret';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer') return 'integer';
  if (node.type === 'number') return 'number';
  if (node.type === 'string') return node.enum ? 'enum' : 'text';
  if (node.type === 'array' && node.items?.enum) return 'multi-enum';
  if (node.type === 'array' && isListItem(node.items?.type)) return 'list';
  return 'json';
}

function isListItem(t: string | undefined): t is 'integer' | 'number' | 'string' {
  return t === 'integer' || t === 'number' || t === 'string';
}

export function fieldsOf(schema: Record<string, unknown> | null): SettingField[] {
  const s = schema as SchemaNode | null;
  if (!s?.properties) return [];
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties).map(([name, node]) => ({
    name,
    kind: kindOf(node),
    label: node.title ?? name,
    description: node.description,
    required: required.has(name),
    options: (node.enum ?? node.items?.enum ?? []).map(String),
    defaultValue: node.default,
    min: node.minimum ?? node.items?.minimum,
    max: node.maximum ?? node.items?.maximum,
    ...(node.type === 'array' && isListItem(node.items?.type) && !node.items?.enum ? { itemType: node.items.type } : {}),
  }));
}

/** The form as it starts: stored settings, else the schema's defaults (secrets always start empty). */
export function initialState(fields: readonly SettingField[], settings: Record<string, unknown>): FormState {
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    const v = f.name in settings ? settings[f.name] : f.defaultValue;
    switch (f.kind) {
      case 'secret':
        values[f.name] = '';
        break;
      case 'boolean':
        values[f.name] = v === true;
        break;
      case 'multi-enum':
        values[f.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'json':
        values[f.name] = v === undefined ? '' : JSON.stringify(v);
        break;
      case 'list':
        values[f.name] = Array.isArray(v) ? v.map(String).join(', ') : v === undefined || v === null ? '' : String(v);
        break;
      default:
        values[f.name] = v === undefined || v === null ? '' : String(v);
    }
  }
  return { values, clear: {} };
}

export type Payload = Record<string, string | number | boolean | string[] | null | unknown>;

/**
 * The settings to send, or the client-side errors by field. Empty optional fields are left out
 * (the default applies); a secret is sent only when typed (a new value) or cleared (null).
 */
export function toPayload(fields: readonly SettingField[], state: FormState): { payload: Payload; errors: Record<string, string> } {
  const payload: Payload = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = state.values[f.name];
    switch (f.kind) {
      case 'secret':
        if (state.clear[f.name]) payload[f.name] = null;
        else if (typeof v === 'string' && v !== '') payload[f.name] = v;
        break;
      case 'boolean':
        payload[f.name] = v === true;
        break;
      case 'multi-enum':
        payload[f.name] = Array.isArray(v) ? v : [];
        break;
      case 'integer':
      case 'number': {
        const text = String(v ?? '').trim();
        if (text === '') break;
        const n = Number(text);
        if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) errors[f.name] = f.kind === 'integer' ? 'Enter a whole number.' : 'Enter a number.';
        else payload[f.name] = n;
        break;
      }
      case 'list': {
        // an emptied list is an empty list (not the default): what the form shows is what is sent
        const items = String(v ?? '')
          .split(f.itemType === 'string' ? /\s*,\s*/ : /[\s,]+/)
          .map((x) => x.trim())
          .filter((x) => x !== '');
        if (f.itemType === 'string') {
          payload[f.name] = items;
          break;
        }
        const nums = items.map(Number);
        const bad = items.find((x, i) => !Number.isFinite(nums[i]!) || (f.itemType === 'integer' && !Number.isInteger(nums[i]!)));
        if (bad !== undefined) errors[f.name] = `"${bad}" is not ${f.itemType === 'integer' ? 'a whole number' : 'a number'}; separate the values with commas.`;
        else {
          const out = nums.find((n) => (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max));
          if (out !== undefined) errors[f.name] = `${out} is out of range (${f.min ?? '…'} to ${f.max ?? '…'}).`;
          else payload[f.name] = nums;
        }
        break;
      }
      case 'json': {
        const text = String(v ?? '').trim();
        if (text === '') break;
        try {
          payload[f.name] = JSON.parse(text);
        } catch {
          errors[f.name] = 'Enter valid JSON.';
        }
        break;
      }
      default: {
        const text = String(v ?? '');
        if (text !== '') payload[f.name] = text;
      }
    }
  }
  return { payload, errors };
}

/** The form field an API error names ("record_types.2" belongs to record_types). */
export function fieldOfError(details: Record<string, unknown> | undefined): string | null {
  const f = details?.field;
  return typeof f === 'string' && f ? f.split('.')[0]! : null;
}

/** Same JSON value (arrays in order, objects whatever their key order). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
}
function sortedKeys(_k: string, v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)));
}

/**
 * The payload without the values that equal the schema's defaults: a bit's configuration saves only
 * what a network chose, so a network that did not choose keeps following the bit's defaults.
 */
export function withoutDefaults(payload: Payload, defaults: Record<string, unknown>): Payload {
  const out: Payload = {};
  for (const [k, v] of Object.entries(payload)) if (!(k in defaults) || !sameValue(v, defaults[k])) out[k] = v;
  return out;
}
