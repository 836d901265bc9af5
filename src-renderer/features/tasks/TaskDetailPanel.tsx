import { useState } from 'react';
import type { TaskDetail } from '../../../src-main/api/contracts/scans';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDuration } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';
import { RawFileList } from '../raw/RawFileList';

function Log({ title, text }: { title: string; text: string }) {
  return (
    <section className="detail-section" aria-label={title}>
      <h3>{title}</h3>
      {text ? <pre className="log-tail">{text}</pre> : <div className="muted">empty</div>}
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="attr-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One task: status, timings, error, logs, raw files, produced objects; Cancel and Retry. */
export function TaskDetailPanel() {
  const org = useStore((s) => s.currentOrg);
  const id = useStore((s) => s.openTaskId);
  const revision = useStore((s) => s.tasksRevision);
  const openTask = useStore((s) => s.openTask);
  const showObject = useStore((s) => s.showObject);
  const showPlugin = useStore((s) => s.showPlugin);
  const openDialog = useStore((s) => s.openDialog);
  const toast = useStore((s) => s.toast);
  const [actionError, setActionError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const res = useApiResource<TaskDetail>(org && id ? `${org}\n${id}\n${revision}` : null, () => api().call('tasks.get', { org: org!, id: id! }));
  if (!org || !id) return null;
  const t = res.data && res.data.id === id ? res.data : null;
  const ended = t && ['completed', 'failed', 'cancelled'].includes(t.status);

  const act = async (what: 'cancel' | 'retry') => {
    setBusy(true);
    setActionError(null);
    try {
      const next = await api().call(what === 'cancel' ? 'tasks.cancel' : 'tasks.retry', { org, id });
      if (what === 'retry') {
        toast('success', `Retry queued as a new task.`);
        openTask(next.id);
      } else toast('info', 'Task cancelled.');
    } catch (e) {
      setActionError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="detail-panel" aria-label="Task detail">
      <header className="detail-header">
        <div className="detail-title">
          {t && <StatusBadge status={t.status} />}
          <h2 className="mono">{t?.pluginId ?? id}</h2>
        </div>
        <div className="detail-actions">
          {t && !ended && (
            <button type="button" className="button small" disabled={busy} onClick={() => void act('cancel')}>
              Cancel task
            </button>
          )}
          {t && ended && (
            <button type="button" className="button small" disabled={busy} onClick={() => void act('retry')}>
              Retry
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close detail" title="Close (Esc)" onClick={() => openTask(null)}>
            <Icon name="close" />
          </button>
        </div>
      </header>
      <div className="detail-body">
        <ErrorBox error={actionError} compact />
        {res.status === 'error' && <ErrorBox error={res.error} compact />}
        {!t && res.status === 'loading' && <Spinner label="Loading task" />}
        {t && (
          <>
            <section className="detail-section">
              <dl className="attr-list">
                <Row label="plugin">
                  <button type="button" className="link-button" onClick={() => showPlugin(t.pluginId)}>
                    {t.pluginId}
                  </button>{' '}
                  <span className="muted small">
                    {t.kind}
                    {t.pluginVersion && ` ${t.pluginVersion}`}
                  </span>
                </Row>
                <Row label="input">
                  {t.inputPk ? (
                    <button type="button" className="link-button" onClick={() => showObject(t.inputPk!)} aria-label={`Open ${t.inputPk}`}>
                      <PkLabel pk={t.inputPk} />
                    </button>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </Row>
                {t.inputLevel !== null && <Row label="input level">L{t.inputLevel}</Row>}
                <Row label="reason">{t.reason}</Row>
                <Row label="priority">{t.priority}</Row>
                <Row label="attempts">{t.attempts}</Row>
                <Row label="created">{formatDate(t.createdAt)}</Row>
                <Row label="started">{formatDate(t.startedAt)}</Row>
                <Row label="ended">{formatDate(t.endedAt)}</Row>
                <Row label="duration">{formatDuration(t.durationMs)}</Row>
                {t.exitCode !== null && <Row label="exit code">{t.exitCode}</Row>}
                <Row label="task id">
                  <span className="mono small">{t.id}</span>
                </Row>
              </dl>
            </section>
            {t.error && (
              <section className="detail-section" aria-label="Error">
                <h3>Error</h3>
                <ErrorBox error={t.error} compact />
              </section>
            )}
            <section className="detail-section" aria-label="Raw files">
              <h3>
                Raw files <span className="count">{t.rawFiles.length}</span>
              </h3>
              {t.rawFiles.length === 0 ? (
                <div className="muted">No raw files.</div>
              ) : (
                <RawFileList files={t.rawFiles} onOpen={(rawId) => openDialog({ kind: 'rawViewer', rawId })} />
              )}
            </section>
            {t.produced && (
              <section className="detail-section" aria-label="Produced objects">
                <h3>
                  Produced objects <span className="count">{t.produced.objects.length}</span>
                </h3>
                <div className="muted small">
                  {t.produced.created.length} created · {t.produced.updated.length} updated · {t.produced.deleted.length} deleted
                </div>
                <ul className="ref-list">
                  {t.produced.objects.map((pk) => (
                    <li key={pk} className="produced-item">
                      <button type="button" className="link-button" onClick={() => showObject(pk)} aria-label={`Open ${pk}`}>
                        <PkLabel pk={pk} />
                      </button>
                      {t.produced!.created.includes(pk) && <span className="new-chip">new</span>}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <Log title="stdout" text={t.stdout} />
            <Log title="stderr" text={t.stderr} />
          </>
        )}
      </div>
    </aside>
  );
}
