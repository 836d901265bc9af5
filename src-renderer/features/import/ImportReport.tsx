import type { CsvImportResult } from '../../../src-main/api/types';
import { PkLabel } from '../../components/PkLabel';
import { formatCount } from '../../components/format';

/** The per-row outcome of an import, failures first in the summary. */
export function ImportReport({ result }: { result: CsvImportResult }) {
  const verb = result.dryRun ? 'would be imported' : 'imported';
  return (
    <div className="import-report">
      <div className={`import-summary${result.failed ? ' has-failures' : ''}`} role="status">
        <strong>
          {formatCount(result.ok)} {verb}
        </strong>
        {', '}
        <span className={result.failed ? 'text-danger' : undefined}>{formatCount(result.failed)} failed</span>
        {result.dryRun && <span className="muted"> (check only: nothing was saved)</span>}
      </div>
      <div className="report-scroll">
        <table className="report-table" aria-label="Import report">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Input</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.line} className={r.ok ? 'ok' : 'failed'}>
                <td className="num mono">{r.line}</td>
                <td className="mono">{r.input}</td>
                <td>
                  {r.ok ? (
                    <span className="row-ok">
                      <span className="status-dot ok" aria-hidden="true" />
                      {r.pk ? <PkLabel pk={r.pk} /> : 'ok'}
                    </span>
                  ) : (
                    <span className="row-error">
                      <span className="status-dot failed" aria-hidden="true" />
                      {r.error?.message ?? 'failed'}
                      {r.error?.code && <span className="error-code small">{r.error.code}</span>}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
