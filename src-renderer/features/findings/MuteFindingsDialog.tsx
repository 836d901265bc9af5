import { useState } from 'react';
import type { MuteResult } from '../../../src-main/api/contracts/findings';
import { api, ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { plural } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';
import { expiryFromDate } from './mute-expiry';

/**
 * Bulk mute: a reason (required) and an optional expiry date. It previews first (a dry run) which
 * findings this hides from the default list.
 */
export function MuteFindingsDialog({ pks }: { pks: string[] }) {
  const org = useStore((s) => s.currentOrg);
  const closeDialog = useStore((s) => s.closeDialog);
  const toast = useStore((s) => s.toast);
  const setSelection = useStore((s) => s.setFindingSelection);
  const load = useStore((s) => s.loadFindings);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const preview = useApiResource<MuteResult>(org ? `${org}\n${pks.join('\n')}` : null, () =>
    api().call('findings.mute', { org: org!, pks, reason: 'preview', dryRun: true }),
  );

  const expiry = expiryFromDate(until, new Date());
  const reasonError = touched && reason.trim() === '' ? 'Say why these findings are muted' : null;
  const expiryError = 'error' in expiry ? expiry.error : error?.details?.field === 'expiresAt' ? error.message : null;
  const hidden = preview.data?.hidden ?? [];
  const already = pks.filter((p) => !hidden.includes(p));

  const submit = async () => {
    setTouched(true);
    if (!org || reason.trim() === '' || 'error' in expiry) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api().call('findings.mute', { org, pks, reason: reason.trim(), expiresAt: expiry.iso ?? undefined });
      toast('success', `Muted ${plural(res.pks.length, 'finding')}${expiry.iso ? ` until ${until}` : ''}.`);
      setSelection([]);
      closeDialog();
      void load();
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Mute ${plural(pks.length, 'finding')}`}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || preview.status === 'error'}>
            {busy ? 'Muting…' : 'Mute'}
          </button>
        </>
      }
    >
      <FormField id="mute-reason" label="Reason" required error={reasonError ?? (error?.details?.field === 'reason' ? error.message : null)} hint="Kept with the mute, shown wherever the finding is.">
        <textarea
          id="mute-reason"
          data-autofocus
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit();
          }}
          aria-invalid={!!reasonError}
          placeholder="e.g. accepted risk: internal test server"
        />
      </FormField>
      <FormField id="mute-until" label="Lift on (optional)" error={expiryError} hint="Left empty, the mute lasts until you unmute. It lifts by itself at the start of this day.">
        <input id="mute-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} aria-invalid={!!expiryError} />
      </FormField>
      <div className="mute-preview" aria-label="What this hides" role="region">
        {preview.status === 'loading' && <Spinner label="Working out what this hides" />}
        {preview.status === 'error' && <ErrorBox error={preview.error} compact />}
        {preview.status === 'ready' && (
          <>
            <p>
              {hidden.length > 0 ? (
                <>
                  This hides <strong>{plural(hidden.length, 'finding')}</strong> from the findings list (choose “Muted only” to see them again):
                </>
              ) : (
                'These findings are muted already; this changes the reason and expiry.'
              )}
            </p>
            <ul className="preview-list" aria-label="Findings that will be hidden">
              {hidden.map((p) => (
                <li key={p}>
                  <PkLabel pk={p} />
                </li>
              ))}
            </ul>
            {already.length > 0 && hidden.length > 0 && <p className="muted">{plural(already.length, 'finding')} already muted: the new reason and expiry replace the old.</p>}
          </>
        )}
      </div>
      {error && error.details?.field !== 'reason' && error.details?.field !== 'expiresAt' && <ErrorBox error={error} compact />}
    </Dialog>
  );
}
