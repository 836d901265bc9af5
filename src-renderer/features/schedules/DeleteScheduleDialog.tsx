import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';

/** Asks before a schedule goes; the tasks it queued stay. */
export function DeleteScheduleDialog({ id }: { id: string }) {
  const schedule = useStore((s) => s.schedules.find((x) => x.id === id) ?? null);
  const closeDialog = useStore((s) => s.closeDialog);
  const deleteSchedule = useStore((s) => s.deleteSchedule);
  const toast = useStore((s) => s.toast);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await deleteSchedule(id);
      toast('success', `Schedule “${schedule?.name ?? id}” deleted.`);
      closeDialog();
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Delete schedule"
      width="narrow"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={busy}>
            {busy ? 'Deleting…' : 'Delete schedule'}
          </button>
        </>
      }
    >
      <p>
        Delete <strong>{schedule?.name ?? id}</strong>? It stops queuing scans; tasks it already queued stay.
      </p>
      {schedule?.isDefault && <div className="notice notice-warning">This is one of the default schedules. Disabling it instead keeps it for later.</div>}
      <ErrorBox error={error} compact />
    </Dialog>
  );
}
