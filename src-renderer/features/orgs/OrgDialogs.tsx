import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';

const CODE_RE = /^[a-z0-9][a-z0-9_-]*$/;

function validateCode(code: string): string | null {
  if (!code) return 'A code is required.';
  if (code.length > 64) return 'At most 64 characters.';
  if (!CODE_RE.test(code)) return 'Lowercase letters, digits, "-" and "_", starting with a letter or digit.';
  return null;
}

function suggestCode(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** Splits an API error into a field error (when it names a field) and a general one. */
function fieldOf(e: ApiError): string | undefined {
  const f = e.details?.field;
  return typeof f === 'string' ? f : undefined;
}

export function CreateOrgDialog() {
  const closeDialog = useStore((s) => s.closeDialog);
  const createOrg = useStore((s) => s.createOrg);
  const toast = useStore((s) => s.toast);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [codeTouched, setCodeTouched] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const [general, setGeneral] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const effectiveCode = codeTouched ? code : suggestCode(name);

  const submit = async () => {
    const next = { code: validateCode(effectiveCode) ?? undefined, name: name.trim() ? undefined : 'A name is required.' };
    setErrors(next);
    if (next.code || next.name) return;
    setBusy(true);
    setGeneral(null);
    try {
      const org = await createOrg(effectiveCode, name.trim());
      toast('success', `Organisation “${org.name}” created.`);
      closeDialog();
    } catch (e) {
      const err = ApiError.from(e);
      const field = fieldOf(err);
      if (err.code === 'ORG_EXISTS') setErrors({ code: err.message });
      else if (field === 'code' || field === 'name') setErrors({ [field]: err.message });
      else setGeneral(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Create organisation"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      width="narrow"
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create organisation'}
          </button>
        </>
      }
    >
      <FormField id="org-name" label="Name" required error={errors.name}>
        <input
          id="org-name"
          data-autofocus
          value={name}
          placeholder="Acme Corporation"
          aria-invalid={!!errors.name}
          onChange={(e) => setName(e.target.value)}
        />
      </FormField>
      <FormField id="org-code" label="Code" required hint="Permanent identifier: lowercase letters, digits, - and _." error={errors.code}>
        <input
          id="org-code"
          className="mono"
          value={effectiveCode}
          placeholder="acme"
          aria-invalid={!!errors.code}
          onChange={(e) => {
            setCodeTouched(true);
            setCode(e.target.value);
          }}
        />
      </FormField>
      <ErrorBox error={general} compact />
    </Dialog>
  );
}

export function RenameOrgDialog({ code }: { code: string }) {
  const closeDialog = useStore((s) => s.closeDialog);
  const renameOrg = useStore((s) => s.renameOrg);
  const org = useStore((s) => s.orgs.find((o) => o.code === code));
  const [name, setName] = useState(org?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<ErrorInfo | null>(null);

  const submit = async () => {
    if (!name.trim()) return setError('A name is required.');
    try {
      await renameOrg(code, name.trim());
      closeDialog();
    } catch (e) {
      const err = ApiError.from(e);
      if (fieldOf(err) === 'name') setError(err.message);
      else setGeneral(err);
    }
  };

  return (
    <Dialog
      title={`Rename ${code}`}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      width="narrow"
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Rename
          </button>
        </>
      }
    >
      <FormField id="org-rename" label="New name" required error={error}>
        <input id="org-rename" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!error} />
      </FormField>
      <ErrorBox error={general} compact />
    </Dialog>
  );
}

export function DeleteOrgDialog({ code }: { code: string }) {
  const closeDialog = useStore((s) => s.closeDialog);
  const deleteOrg = useStore((s) => s.deleteOrg);
  const toast = useStore((s) => s.toast);
  const org = useStore((s) => s.orgs.find((o) => o.code === code));
  const [confirm, setConfirm] = useState('');
  const [general, setGeneral] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = confirm === code;

  const submit = async () => {
    if (!matches) return;
    setBusy(true);
    try {
      await deleteOrg(code, confirm);
      toast('success', `Organisation ${code} deleted.`);
      closeDialog();
    } catch (e) {
      setGeneral(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Delete organisation"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      width="narrow"
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={!matches || busy}>
            {busy ? 'Deleting…' : 'Delete organisation'}
          </button>
        </>
      }
    >
      <p className="warning-text">
        This permanently deletes <strong>{org?.name ?? code}</strong> and all of its{' '}
        {org ? `${org.objectCount.toLocaleString()} ` : ''}objects, origins and history. It cannot be undone.
      </p>
      <FormField id="org-delete-confirm" label={`Type ${code} to confirm`} required>
        <input
          id="org-delete-confirm"
          className="mono"
          value={confirm}
          autoComplete="off"
          onChange={(e) => setConfirm(e.target.value)}
        />
      </FormField>
      <ErrorBox error={general} compact />
    </Dialog>
  );
}
