import { useState, type ReactNode } from 'react';
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

/** A confirmation to delete one thing: Cancel, a danger button, the API's error in place. */
function ConfirmDelete({ what, run, done, children }: { what: string; run: () => Promise<void>; done: string; children: ReactNode }) {
  const d = useDelete(run, done);
  return (
    <Dialog
      title={`Delete ${what}`}
      width="narrow"
      onClose={d.closeDialog}
      onSubmit={() => void d.submit()}
      footer={
        <>
          <button type="button" className="button" onClick={d.closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={d.busy} data-autofocus>
            {d.busy ? 'Deleting…' : `Delete ${what}`}
          </button>
        </>
      }
    >
      {children}
      <ErrorBox error={d.error} compact />
    </Dialog>
  );
}

/** Asks before a stored report goes (it cannot be made again exactly as it was). */
export function DeleteReportDialog({ id, name }: { id: string; name: string }) {
  const deleteReport = useStore((s) => s.deleteReport);
  return (
    <ConfirmDelete what="report" run={() => deleteReport(id)} done={`Report “${name}” deleted.`}>
      <p>
        Delete <strong>{name}</strong>? The stored report goes; the objects and findings it shows stay. A later report of the same objects
        then compares with the one before it.
      </p>
    </ConfirmDelete>
  );
}

/** Asks before a recipe goes; the reports it made stay. */
export function DeleteRecipeDialog({ id, name }: { id: string; name: string }) {
  const deleteRecipe = useStore((s) => s.deleteRecipe);
  return (
    <ConfirmDelete what="recipe" run={() => deleteRecipe(id)} done={`Recipe “${name}” deleted.`}>
      <p>
        Delete the recipe <strong>{name}</strong>? It stops making reports; the reports it made stay.
      </p>
    </ConfirmDelete>
  );
}
