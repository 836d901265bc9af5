import { useEffect, useRef, useState } from 'react';
import type { PlanSummary, Schedule } from '../../../src-main/api/contracts/schedules';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { PlanSummaryView } from './PlanSummaryView';
import { ScheduleForm } from './ScheduleForm';
import { changedFields, draftFrom, EMPTY_DRAFT, fieldError, sameDraft, toPayload, type FieldError, type ScheduleDraft } from './schedule-draft';
import { usePreview } from './use-preview';

/** The right-hand editor of the open schedule ('new' for an unsaved one). */
export function ScheduleEditorPanel() {
  const id = useStore((s) => s.openScheduleId);
  const saved = useStore((s) => s.schedules.find((x) => x.id === s.openScheduleId) ?? null);
  if (!id || (id !== 'new' && !saved)) return null;
  return <ScheduleEditor key={id} saved={saved} />;
}

function ScheduleEditor({ saved }: { saved: Schedule | null }) {
  const org = useStore((s) => s.currentOrg);
  const types = useStore((s) => s.types);
  const openSchedule = useStore((s) => s.openSchedule);
  const putSchedule = useStore((s) => s.putSchedule);
  const runNow = useStore((s) => s.runScheduleNow);
  const openDialog = useStore((s) => s.openDialog);
  const toast = useStore((s) => s.toast);
  const [draft, setDraft] = useState<ScheduleDraft>(() => (saved ? draftFrom(saved) : EMPTY_DRAFT));
  const [saveError, setSaveError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState<'save' | 'run' | null>(null);
  const [ran, setRan] = useState<PlanSummary | null>(null);
  const preview = usePreview(org, draft);
  const ranRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // a block body: scrollIntoView returns a promise in recent Chromium, which is no effect cleanup
    void ranRef.current?.scrollIntoView({ block: 'nearest' });
  }, [ran]);
  const dirty = saved ? !sameDraft(draft, draftFrom(saved)) : true;
  const textOf = (f: keyof ScheduleDraft) => String(draft[f]);
  // an untouched new schedule is not wrong yet: no red before the first keystroke
  const touched = saved !== null || !sameDraft(draft, EMPTY_DRAFT);
  const previewError = preview.status === 'error' && touched ? fieldError(preview.error, textOf) : null;
  const error = saveError ?? previewError;

  const change = (patch: Partial<ScheduleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaveError(null);
  };

  const save = async () => {
    if (!org) return;
    if (!draft.name.trim()) {
      setSaveError({ field: 'name', code: 'BAD_REQUEST', message: 'Give the schedule a name.', line: null, column: null });
      return;
    }
    setBusy('save');
    try {
      const next = saved
        ? await api().call('schedules.update', { org, id: saved.id, ...changedFields(draft, saved) })
        : await api().call('schedules.create', { org, ...toPayload(draft) });
      putSchedule(next);
      toast('success', `Schedule “${next.name}” saved.`);
      if (!saved) openSchedule(next.id);
      else setDraft(draftFrom(next));
    } catch (e) {
      setSaveError(fieldError(ApiError.from(e), textOf));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!saved) return;
    setBusy('run');
    try {
      const plan = await runNow(saved.id);
      setRan(plan); // shown in the panel, no toast
    } catch (e) {
      const err = ApiError.from(e);
      toast('error', `${err.code}: ${err.message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <aside className="detail-panel" aria-label="Schedule editor">
      <header className="detail-header">
        <div className="detail-title">
          <h2>{saved ? saved.name : 'New schedule'}</h2>
          {saved?.isDefault && <span className="default-chip">default</span>}
        </div>
        <div className="detail-actions">
          {saved && (
            <button type="button" className="icon-button danger" aria-label="Delete schedule" title="Delete schedule" onClick={() => openDialog({ kind: 'deleteSchedule', id: saved.id })}>
              <Icon name="trash" />
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close detail" title="Close (Esc)" onClick={() => openSchedule(null)}>
            <Icon name="close" />
          </button>
        </div>
      </header>
      <form
        className="detail-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ScheduleForm draft={draft} onChange={change} error={error} saved={saved} types={types} />
        {error && error.field === null && <ErrorBox error={error} compact />}

        <section className="detail-section" aria-label="Preview">
          <h3>Would queue now {preview.status === 'checking' && <Spinner label="checking" />}</h3>
          {preview.status === 'error' && (
            <div className="muted small">{touched ? 'Fix the highlighted field to see what this schedule would run.' : 'Give it a recurrence or an object type to run on.'}</div>
          )}
          {preview.plan && <PlanSummaryView plan={preview.plan} label="Preview summary" />}
        </section>

        <div className="editor-actions">
          <button type="submit" className="button primary" disabled={busy !== null || !dirty}>
            {busy === 'save' ? 'Saving…' : saved ? 'Save changes' : 'Create schedule'}
          </button>
          {saved && (
            <button type="button" className="button" disabled={busy !== null || dirty} title={dirty ? 'Save your changes first' : undefined} onClick={() => void run()}>
              <Icon name="clock" /> {busy === 'run' ? 'Running…' : 'Run now'}
            </button>
          )}
          {saved && dirty && (
            <button type="button" className="button ghost" onClick={() => change(draftFrom(saved))}>
              Revert
            </button>
          )}
        </div>

        {ran && (
          <section ref={ranRef} className="detail-section" aria-label="Run now result">
            <h3>Queued just now</h3>
            <PlanSummaryView plan={ran} label="Queued" />
          </section>
        )}
        {saved && (
          <section className="detail-section">
            <dl className="attr-list">
              <div className="attr-row">
                <dt>next run</dt>
                <dd>{saved.nextRunAt ? formatDate(saved.nextRunAt) : saved.enabled ? 'on events only' : 'disabled'}</dd>
              </div>
              <div className="attr-row">
                <dt>last run</dt>
                <dd>
                  {formatDate(saved.lastRunAt)} {saved.lastResult && <span className="muted">· {saved.lastResult.text}</span>}
                </dd>
              </div>
              <div className="attr-row meta">
                <dt>updated</dt>
                <dd>{formatDate(saved.updatedAt)}</dd>
              </div>
            </dl>
          </section>
        )}
      </form>
    </aside>
  );
}
