import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';

function useDelete(run: () => Promise<void>, done: string) {
  const closeDialog = useStore((s) => s.closeDialog);
  const toast = useStore((s) => s.toast);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      toast('success', done);
      closeDialog();
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit, closeDialog };
}

/** Asks before a stored report goes (it cannot be made again exactly as it was). */
export function DeleteReportDialog({ id, name }: { id: string; name: string }) {
  const deleteReport = useStore((s) => s.deleteReport);
  const d = useDelete(() => deleteReport(id), `Report “${name}” deleted.`);
  return (
    <Dialog
      title="Delete report"
      width="narrow"
      onClose={d.closeDialog}
      onSubmit={() => void d.submit()}
      footer={
        <>
          <button type="button" className="button" onClick={d.closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={d.busy} data-autofocus>
            {d.busy ? 'Deleting…' : 'Delete report'}
          </button>
        </>
      }
    >
      <p>
        Delete <strong>{name}</strong>? The stored report goes; the objects and findings it shows stay. A later report of the same objects
        then compares with the one before it.
      </p>
      <ErrorBox error={d.error} compact />
    </Dialog>
  );
}

/** Asks before a recipe goes; the reports it made stay. */
export function DeleteRecipeDialog({ id, name }: { id: string; name: string }) {
  const deleteRecipe = useStore((s) => s.deleteRecipe);
  const d = useDelete(() => deleteRecipe(id), `Recipe “${name}” deleted.`);
  return (
    <Dialog
      title="Delete recipe"
      width="narrow"
      onClose={d.closeDialog}
      onSubmit={() => void d.submit()}
      footer={
        <>
          <button type="button" className="button" onClick={d.closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={d.busy} data-autofocus>
            {d.busy ? 'Deleting…' : 'Delete recipe'}
          </button>
        </>
      }
    >
      <p>
        Delete the recipe <strong>{name}</strong>? It stops making reports; the reports it made stay.
      </p>
      <ErrorBox error={d.error} compact />
    </Dialog>
  );
}
