import type { FieldDescription } from '../../../src-main/api/types';
import { FormField } from '../../components/FormField';
import { ReferencePicker } from './ReferencePicker';

interface Props {
  field: FieldDescription;
  org: string;
  value: string | boolean;
  error?: string;
  hint?: string;
  onChange(value: string | boolean): void;
}

function label(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PLACEHOLDER: Record<string, string> = {
  hostname: 'example.org',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::1',
  ip: '192.0.2.10 or 2001:db8::1',
  json: '{ }',
  'string[]': 'one, two, three',
};

/** One generated form control, chosen by the field's kind. */
export function FieldControl({ field, org, value, error, hint, onChange }: Props) {
  const id = `field-${field.name}`;
  const describedBy = error ? `${id}-error` : hint || field.description ? `${id}-hint` : undefined;
  const common = { id, 'aria-invalid': !!error, 'aria-describedby': describedBy };
  const text = typeof value === 'string' ? value : '';
  let control;
  switch (field.kind) {
    case 'boolean':
      return (
        <div className={`form-field checkbox-field${error ? ' has-error' : ''}`}>
          <label htmlFor={id}>
            <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            {label(field.name)}
            {field.required && <span className="required"> *</span>}
          </label>
          {error && (
            <div className="field-error" id={`${id}-error`} role="alert">
              {error}
            </div>
          )}
        </div>
      );
    case 'enum':
      control = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          {!(field.required && field.enumValues?.length === 1) && <option value="">—</option>}
          {field.enumValues?.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
      break;
    case 'integer':
    case 'number':
      control = (
        <input {...common} type="number" step={field.kind === 'integer' ? 1 : 'any'} min={field.min} max={field.max} value={text} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case 'datetime':
      control = <input {...common} type="datetime-local" step={1} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'json':
      control = <textarea {...common} className="mono" rows={3} value={text} placeholder="{ }" onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'reference':
      control = (
        <ReferencePicker id={id} org={org} refTypes={field.refTypes ?? []} value={text} onChange={onChange} invalid={!!error} describedBy={describedBy} />
      );
      break;
    default:
      control = (
        <input
          {...common}
          className={field.kind === 'string' ? undefined : 'mono'}
          value={text}
          placeholder={PLACEHOLDER[field.kind]}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <FormField id={id} label={label(field.name)} required={field.required} error={error} hint={hint ?? field.description ?? (field.kind === 'reference' ? `A ${field.refTypes?.join(' or ')}` : undefined)}>
      {control}
    </FormField>
  );
}
