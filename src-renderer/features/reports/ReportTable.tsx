import type { ReportTable as Table } from '../../../src-main/reports/types';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';

const SHOWN_ROWS = 200;

/** A report table; a row about an object links into its page. Long tables show their first rows. */
export function ReportTable({ table }: { table: Table }) {
  const showObject = useStore((s) => s.showObject);
  const rows = table.rows.slice(0, SHOWN_ROWS);
  return (
    <div className="report-table-wrap" data-testid={`table-${table.id}`}>
      <table className="report-data-table" aria-label={table.title}>
        <caption>
          {table.title} <span className="count">{table.rows.length.toLocaleString()}</span>
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={Math.max(1, table.columns.length)} className="muted">
                Nothing to list.
              </td>
            </tr>
          )}
          {rows.map((row, i) => {
            const link = table.links?.[i] ?? null;
            return (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                    {j === 0 && link ? (
                      <button type="button" className="link-button" title={`Open ${link}`} aria-label={`Open object ${link}`} onClick={() => showObject(link)}>
                        {cellText(cell)}
                      </button>
                    ) : (
                      cellText(cell)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {table.rows.length > SHOWN_ROWS && (
        <div className="muted small table-more">
          First {SHOWN_ROWS} of {table.rows.length.toLocaleString()} rows here; the PDF and the CSV export have them all.
        </div>
      )}
    </div>
  );
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

function cellText(cell: string | number | null): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return cell.toLocaleString();
  return ISO_TIME.test(cell) ? formatDate(cell) : cell;
}
