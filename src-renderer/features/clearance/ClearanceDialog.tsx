import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import { LEVEL_INFO } from '../../components/LevelBadge';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';

interface Props {
  retry?: { pks: string[]; level: number };
  reason?: string;
}

/**
 * The organisation's clearance (indemnification): what each level means, what accepting it
 * implies, the highest level the user takes responsibility for, their name and an explicit tick.
 */
export function ClearanceDialog({ retry, reason }: Props) {
  const org = useStore((s) => s.orgs.find((o) => o.code === s.currentOrg));
  const clearance = useStore((s) => s.clearance);
  const closeDialog = useStore((s) => s.closeDialog);
  const acknowledge = useStore((s) => s.acknowledgeClearance);
  const setLevels = useStore((s) => s.setLevels);
  const toast = useStore((s) => s.toast);
  const [level, setLevel] = useState(Math.max(retry?.level ?? 0, clearance?.maxLevel ?? 0, 1));
  const [name, setName] = useState('');
  const [ticked, setTicked] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; tick?: string }>({});
  const [general, setGeneral] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next = { name: name.trim() ? undefined : 'Type your name to sign.', tick: ticked ? undefined : 'Tick the box to accept the responsibility.' };
    setErrors(next);
    if (next.name || next.tick) return;
    setBusy(true);
    setGeneral(null);
    try {
      await acknowledge(level, name.trim());
      toast('success', `Clearance up to L${level} acknowledged for ${org?.name ?? 'the organisation'}.`);
      closeDialog();
      if (retry && retry.level <= level) await setLevels(retry.pks, retry.level);
    } catch (e) {
      setGeneral(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Organisation clearance"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      width="wide"
      footer={
        <>
          <span className="footer-note">
            {clearance?.maxLevel != null
              ? `Now: up to L${clearance.maxLevel}, by ${clearance.acknowledgedBy} on ${formatDate(clearance.acknowledgedAt)}`
              : 'Nothing acknowledged yet: only L0 can be declared.'}
          </span>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {retry ? `Acknowledge and declare L${retry.level}` : 'Acknowledge clearance'}
          </button>
        </>
      }
    >
      {reason && (
        <div className="notice notice-warning" role="alert">
          {reason}
        </div>
      )}
      <p>
        Scan levels say how far Kattegat may go with an object of <strong>{org?.name ?? 'this organisation'}</strong>. Objects
        only get scanned by plugins whose level is at or below the object’s level, and related objects inherit levels (an IP
        address inherits from the hostname that resolves to it).
      </p>
      <fieldset className="level-picker">
        <legend>Highest level you accept for this organisation</legend>
        {LEVEL_INFO.map((l) => (
          <label key={l.level} className={`level-option${level === l.level ? ' on' : ''}${l.level >= 3 ? ' risky' : ''}`}>
            <input type="radio" name="clearance-level" value={l.level} checked={level === l.level} onChange={() => setLevel(l.level)} />
            <span className={`level-badge level-${l.level} level-declared`}>L{l.level}</span>
            <span className="level-option-text">
              <strong>{l.name}</strong> <span className="muted">{l.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="consequences">
        <strong>By acknowledging you confirm that:</strong>
        <ul>
          <li>scans from L2 up touch the client’s systems directly, from your machine and network;</li>
          <li>you have the client’s permission to scan these systems, and you are responsible for what the scans do;</li>
          {level >= 3 && <li className="risky-text">L3 and L4 scans are detectable by the client’s security monitoring and can be intrusive: L4 may disturb or break services.</li>}
        </ul>
      </div>
      <FormField id="clearance-name" label="Your name" required error={errors.name}>
        <input
          id="clearance-name"
          value={name}
          autoComplete="name"
          aria-invalid={errors.name ? true : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setErrors((x) => ({ ...x, name: undefined }));
          }}
          data-autofocus
        />
      </FormField>
      <div className={`form-field checkbox-field${errors.tick ? ' has-error' : ''}`}>
        <label>
          <input type="checkbox" checked={ticked} onChange={(e) => {
              setTicked(e.target.checked);
              setErrors((x) => ({ ...x, tick: undefined }));
            }} aria-invalid={errors.tick ? true : undefined} />
          I have permission to scan this organisation’s systems up to L{level} and accept responsibility for it
        </label>
        {errors.tick && (
          <div className="field-error" role="alert">
            {errors.tick}
          </div>
        )}
      </div>
      {clearance && clearance.declaredAbove > 0 && (
        <div className="muted small">{clearance.declaredAbove} declared levels are above the current clearance; they stay as they are.</div>
      )}
      <ErrorBox error={general} compact />
    </Dialog>
  );
}
