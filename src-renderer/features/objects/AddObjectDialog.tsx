import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { FieldControl } from './FieldControl';
import { buildData, errorField, initialValues, orderFields, resolveReference, type FormValues } from './object-form';

/** Declares one object through a form generated from the type registry. */
export function AddObjectDialog() {
  const org = useStore((s) => s.currentOrg);
  const types = useStore((s) => s.types);
  const closeDialog = useStore((s) => s.closeDialog);
  const openObject = useStore((s) => s.openObject);
  const toast = useStore((s) => s.toast);
  const concrete = useMemo(() => types.filter((t) => !t.abstract), [types]);
  const [typeName, setTypeName] = useState(() => (concrete.some((t) => t.name === 'Hostname') ? 'Hostname' : (concrete[0]?.name ?? '')));
  const type = concrete.find((t) => t.name === typeName);
  const [values, setValues] = useState<FormValues>(() => (type ? initialValues(type) : {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const pickType = (name: string) => {
    setTypeName(name);
    const t = concrete.find((c) => c.name === name);
    setValues(t ? initialValues(t) : {});
    setErrors({});
    setGeneral(null);
  };

  const submit = async () => {
    if (!type || !org) return;
    const { data, errors: local } = buildData(type, values, types);
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const res = await api().call('objects.declare', { org, object: { type: type.name, data } });
      const pk = res.pk;
      toast('success', pk ? `Declared ${pk}` : 'Object declared.');
      closeDialog();
      if (pk) openObject(pk);
    } catch (e) {
      const err = ApiError.from(e);
      const field = errorField(err.details);
      if (field && type.fields.some((f) => f.name === field)) setErrors({ [field]: err.message });
      else setGeneral(err);
    } finally {
      setBusy(false);
    }
  };

  if (!org) return null;
  const { main, optional } = type ? orderFields(type) : { main: [], optional: [] };
  const render = (f: (typeof main)[number]) => {
    const raw = values[f.name];
    const resolved = f.kind === 'reference' && typeof raw === 'string' && raw.trim() && !raw.includes('|') ? resolveReference(raw, f, types) : null;
    return (
      <FieldControl
        key={`${typeName}.${f.name}`}
        field={f}
        org={org}
        value={raw ?? ''}
        error={errors[f.name]}
        hint={resolved && resolved.includes('|') ? `Will reference ${resolved}` : undefined}
        onChange={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))}
      />
    );
  };

  return (
    <Dialog
      title="Add object"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <span className="footer-note">Declared objects are kept until you delete them.</span>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !type}>
            {busy ? 'Declaring…' : 'Declare object'}
          </button>
        </>
      }
    >
      <FormField id="object-type" label="Type" required hint={type?.description}>
        <select id="object-type" data-autofocus value={typeName} onChange={(e) => pickType(e.target.value)}>
          {concrete.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </FormField>
      {main.length > 0 && <div className="form-grid">{main.map(render)}</div>}
      {optional.length > 0 && (
        <details className="optional-fields">
          <summary>Optional attributes ({optional.length})</summary>
          <div className="form-grid">{optional.map(render)}</div>
        </details>
      )}
      <ErrorBox error={general} compact />
    </Dialog>
  );
}
