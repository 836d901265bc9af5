import { useState } from 'react';
import type { MutationResult } from '../../../src-main/api/types';
import { api, ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { plural } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from './use-api-resource';

/** Deleting previews first (dryRun) what else goes with the object, then asks for confirmation. */
export function DeleteObjectDialog({ pk }: { pk: string }) {
  const org = useStore((s) => s.currentOrg);
  const closeDialog = useStore((s) => s.closeDialog);
  const closeObject = useStore((s) => s.closeObject);
  const toast = useStore((s) => s.toast);
  const preview = useApiResource<MutationResult>(org ? `${org}\n${pk}` : null, () => api().call('objects.delete', { org: org!, pk, dryRun: true }));
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const removed = preview.data?.deleted ?? [];

  const submit = async () => {
    if (!org || preview.status !== 'ready') return;
    setBusy(true);
    try {
      const res = await api().call('objects.delete', { org, pk, dryRun: false });
      toast('success', `Deleted ${plural(res.deleted.length, 'object')}.`);
      closeObject();
      closeDialog();
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Delete object"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={busy || preview.status !== 'ready'}>
            {busy ? 'Deleting…' : `Delete ${plural(Math.max(1, removed.length), 'object')}`}
          </button>
        </>
      }
    >
      {preview.status === 'loading' && <Spinner label="Working out what this removes" />}
      {preview.status === 'error' && <ErrorBox error={preview.error} compact />}
      {preview.status === 'ready' && (
        <>
          <p>
            This removes <strong>{plural(removed.length, 'object')}</strong>: the object and everything that only existed because of it.
          </p>
          <ul className="preview-list" aria-label="Objects that will be removed">
            {removed.map((p) => (
              <li key={p}>
                <PkLabel pk={p} />
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorBox error={error} compact />
    </Dialog>
  );
}
