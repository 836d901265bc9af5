import { useMemo, useState } from 'react';
import type { RawPreview } from '../../../src-main/api/contracts/plugins';
import { api, ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { formatBytes, formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';
import { base64ToBytes, hexDump, prettyJson } from './bytes';
import { downloadRaw } from './download';

type Mode = 'text' | 'hex';
/** raw.get's default maxBytes */
const PREVIEW_BYTES = 1024 * 1024;

/** The first MiB of a raw file as text, JSON (pretty-printed) or a hex dump; downloads the whole file. */
export function RawViewerDialog({ rawId }: { rawId: string }) {
  const org = useStore((s) => s.currentOrg);
  const closeDialog = useStore((s) => s.closeDialog);
  const showTask = useStore((s) => s.showTask);
  const showObject = useStore((s) => s.showObject);
  const toast = useStore((s) => s.toast);
  const [mode, setMode] = useState<Mode | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<ErrorInfo | null>(null);

  // text first; binary content (or the Hex tab) asks again as base64
  const text = useApiResource<RawPreview>(org ? `${org}\n${rawId}\ntext` : null, () => api().call('raw.get', { org: org!, id: rawId, as: 'text' }));
  const effective: Mode = mode ?? (text.data?.binary ? 'hex' : 'text');
  const wantHex = effective === 'hex' && text.status !== 'loading';
  const b64 = useApiResource<RawPreview>(org && wantHex ? `${org}\n${rawId}\nbase64` : null, () => api().call('raw.get', { org: org!, id: rawId, as: 'base64' }));

  const file = text.data?.file;
  const json = useMemo(() => (text.data && !text.data.binary ? prettyJson(text.data.content, text.data.file.mimeTypes) : null), [text.data]);
  const dump = useMemo(() => (b64.data ? hexDump(base64ToBytes(b64.data.content)) : null), [b64.data]);
  const shownBytes =
    effective === 'hex' ? (dump?.shownBytes ?? null) : text.data ? (text.data.truncated ? Math.min(PREVIEW_BYTES, text.data.file.size) : text.data.file.size) : null;

  const download = async () => {
    if (!org) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      const r = await downloadRaw(org, rawId);
      toast(r.truncated ? 'info' : 'success', r.truncated ? `Saved the first 10 MiB of ${r.fileName}.` : `Saved ${r.fileName}.`);
    } catch (e) {
      setDownloadError(ApiError.from(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Dialog
      title={file?.fileName ?? 'Raw file'}
      onClose={closeDialog}
      width="wide"
      footer={
        <>
          <span className="footer-note">{file && `${formatBytes(file.size)} · sha256 ${file.sha256.slice(0, 16)}…`}</span>
          <button type="button" className="button" onClick={() => void download()} disabled={!file || downloading}>
            {downloading ? 'Downloading…' : 'Download'}
          </button>
          <button type="button" className="button primary" onClick={closeDialog}>
            Close
          </button>
        </>
      }
    >
      {text.status === 'error' && <ErrorBox error={text.error} compact />}
      <ErrorBox error={downloadError} compact />
      {!file && text.status === 'loading' && <Spinner label="Loading raw file" />}
      {file && (
        <>
          <div className="raw-meta-line">
            {file.mimeTypes.map((m) => (
              <span key={m} className="mime-chip">
                {m}
              </span>
            ))}
            <span className="muted small">
              {file.source === 'upload' ? 'uploaded' : `from ${file.pluginId ?? 'a boefje'}`} · {formatDate(file.createdAt)}
            </span>
            {file.taskId && (
              <button type="button" className="link-button small" onClick={() => showTask(file.taskId!)}>
                task
              </button>
            )}
            {file.inputPk && (
              <button type="button" className="link-button small" onClick={() => showObject(file.inputPk!)} title={file.inputPk}>
                {file.inputPk}
              </button>
            )}
            <span className="toolbar-spacer" />
            <div className="segmented" role="group" aria-label="View as">
              <button type="button" className={`button small${effective === 'text' ? ' primary' : ''}`} aria-pressed={effective === 'text'} onClick={() => setMode('text')}>
                {json ? 'JSON' : 'Text'}
              </button>
              <button type="button" className={`button small${effective === 'hex' ? ' primary' : ''}`} aria-pressed={effective === 'hex'} onClick={() => setMode('hex')}>
                Hex
              </button>
            </div>
          </div>
          {text.data?.binary && effective === 'text' && <div className="notice notice-warning">This file is binary; the text below may be garbled. The hex view shows it exactly.</div>}
          {shownBytes !== null && shownBytes < file.size && (
            <div className="notice notice-info" role="note">
              Truncated: showing the first {formatBytes(shownBytes)} of {formatBytes(file.size)}. Download for the whole file.
            </div>
          )}
          {effective === 'hex' && b64.status === 'error' && <ErrorBox error={b64.error} compact />}
          {effective === 'hex' && !dump && b64.status === 'loading' && <Spinner label="Loading bytes" />}
          {effective === 'hex' && dump && (
            <pre className="raw-content hex" aria-label="Hex dump">
              {dump.text}
            </pre>
          )}
          {effective === 'text' && text.data && (
            <pre className="raw-content" aria-label="File content">
              {json ?? text.data.content}
            </pre>
          )}
        </>
      )}
    </Dialog>
  );
}
