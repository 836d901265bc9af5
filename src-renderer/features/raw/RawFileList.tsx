import type { RawFileInfo } from '../../../src-main/api/contracts/plugins';
import { formatBytes, formatRelative } from '../../components/format';

/** Raw files as a clickable list (the viewer opens on click). */
export function RawFileList({ files, onOpen }: { files: readonly RawFileInfo[]; onOpen(id: string): void }) {
  return (
    <ul className="raw-list">
      {files.map((f) => (
        <li key={f.id}>
          <button type="button" className="raw-list-item" onClick={() => onOpen(f.id)} aria-label={`View raw file ${f.fileName ?? f.id}`}>
            <span className="raw-name mono">{f.fileName ?? f.id}</span>
            <span className="raw-mimes">
              {f.mimeTypes.map((m) => (
                <span key={m} className="mime-chip">
                  {m}
                </span>
              ))}
            </span>
            <span className="muted small raw-meta">
              {formatBytes(f.size)} · {formatRelative(f.createdAt)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
