import { useEffect, useMemo, useState } from 'react';
import type { RawFileInfo } from '../../../src-main/api/contracts/plugins';
import type { ScansResults } from '../../../src-main/api/contracts/scans';
import { api, ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import { formatBytes } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';
import { ReferencePicker } from '../objects/ReferencePicker';
import { TaskList } from '../tasks/TaskList';
import { bytesToBase64 } from './bytes';

const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MIME_RE = /^[a-z0-9][a-z0-9.+_-]*\/[a-z0-9][a-z0-9.+_-]*$/i;

/** The normalizer tasks a just-uploaded raw file triggered (they follow live). */
function TriggeredTasks({ org, raw }: { org: string; raw: RawFileInfo }) {
  const revision = useStore((s) => s.tasksRevision);
  const showTask = useStore((s) => s.showTask);
  const closeDialog = useStore((s) => s.closeDialog);
  const res = useApiResource<ScansResults['tasks.list']>(`${org}\n${raw.id}\n${revision}`, () => api().call('tasks.list', { org, rawId: raw.id }));
  return (
    <div className="upload-result" role="status" aria-label="Upload result">
      <div className="import-summary">
        Stored <strong className="mono">{raw.fileName}</strong> ({formatBytes(raw.size)}) as {raw.mimeTypes.join(', ')}.
      </div>
      <h4>Normalizer tasks</h4>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {res.data && res.data.items.length === 0 && <div className="muted">No enabled normalizer consumes {raw.mimeTypes.join(' or ')}; nothing was queued.</div>}
      {res.data && res.data.items.length > 0 && (
        <TaskList
          tasks={res.data.items}
          onOpen={(id) => {
            closeDialog();
            showTask(id);
          }}
          showInput={false}
        />
      )}
    </div>
  );
}

/** Stores a file made elsewhere (e.g. nmap -oX) as a raw file with a mime type; normalizers pick it up. */
export function UploadRawDialog({ inputPk }: { inputPk?: string }) {
  const org = useStore((s) => s.currentOrg);
  const closeDialog = useStore((s) => s.closeDialog);
  const [file, setFile] = useState<File | null>(null);
  const [mime, setMime] = useState('');
  const [object, setObject] = useState(inputPk ?? '');
  const [errors, setErrors] = useState<{ file?: string; mime?: string; object?: string }>({});
  const [general, setGeneral] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<RawFileInfo | null>(null);
  const [suggestions, setSuggestions] = useState<{ mime: string; by: string }[]>([]);

  useEffect(() => {
    if (!org) return;
    api()
      .call('plugins.list', { org, kind: 'normalizer' })
      .then((ps) => setSuggestions(ps.flatMap((p) => p.consumes.map((m) => ({ mime: m, by: p.name })))))
      .catch(() => setSuggestions([]));
  }, [org]);
  const unique = useMemo(() => [...new Map(suggestions.map((s) => [s.mime, s])).values()], [suggestions]);

  if (!org) return null;

  const submit = async () => {
    const next = {
      file: file ? (file.size > MAX_UPLOAD_BYTES ? 'At most 50 MiB.' : undefined) : 'Choose a file.',
      mime: MIME_RE.test(mime.trim()) ? undefined : 'A mime type like boefje/nmap.',
    };
    setErrors(next);
    if (next.file || next.mime || !file) return;
    setBusy(true);
    setGeneral(null);
    try {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const raw = await api().call('raw.upload', {
        org,
        fileName: file.name,
        mimeTypes: [mime.trim()],
        contentBase64,
        inputPk: object.trim() || undefined,
      });
      setStored(raw);
    } catch (e) {
      const err = ApiError.from(e);
      if (err.details?.field === 'inputPk') setErrors({ object: err.message });
      else setGeneral(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Upload raw file"
      onClose={closeDialog}
      onSubmit={() => void (stored ? closeDialog() : submit())}
      footer={
        stored ? (
          <button type="submit" className="button primary">
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={closeDialog}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Uploading…' : 'Upload'}
            </button>
          </>
        )
      }
    >
      {stored ? (
        <TriggeredTasks org={org} raw={stored} />
      ) : (
        <>
          <p className="muted">A file made elsewhere, such as nmap XML (-oX), is stored as a raw file; every enabled normalizer that reads its mime type turns it into objects.</p>
          <FormField id="raw-file" label="File" required error={errors.file} hint={file ? `${file.name}, ${formatBytes(file.size)}` : undefined}>
            <input id="raw-file" type="file" aria-invalid={errors.file ? true : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </FormField>
          <FormField id="raw-mime" label="Mime type" required error={errors.mime} hint="What the file is; normalizers are chosen by it.">
            <input id="raw-mime" list="raw-mime-options" value={mime} placeholder="boefje/nmap" aria-invalid={errors.mime ? true : undefined} onChange={(e) => setMime(e.target.value)} />
          </FormField>
          <datalist id="raw-mime-options">
            {unique.map((s) => (
              <option key={s.mime} value={s.mime}>
                {s.by}
              </option>
            ))}
          </datalist>
          {unique.length > 0 && (
            <div className="mime-suggestions" role="group" aria-label="Suggested mime types">
              {unique.map((s) => (
                <button key={s.mime} type="button" className={`chip${mime === s.mime ? ' on' : ''}`} aria-pressed={mime === s.mime} title={`read by ${s.by}`} onClick={() => setMime(s.mime)}>
                  {s.mime}
                </button>
              ))}
            </div>
          )}
          <FormField id="raw-object" label="About object" error={errors.object} hint="Optional: the object the file is about (e.g. the IP address nmap scanned).">
            <ReferencePicker id="raw-object" org={org} refTypes={[]} value={object} onChange={setObject} invalid={!!errors.object} />
          </FormField>
          <ErrorBox error={general} compact />
        </>
      )}
    </Dialog>
  );
}
