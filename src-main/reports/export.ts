/** JSON and CSV export of a stored report. */
import type { ExportedFile } from '../api/contracts/reports';
import { allTables } from './tables';
import type { Cell, Report } from './types';

/** A file name from the report's name and as-of date: "acme-aggregate-2026-12-02". */
export function baseFileName(r: Pick<Report, 'org' | 'name' | 'type' | 'asOf'>): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
  const date = r.asOf.slice(0, 10);
  const name = slug(r.name).replace(new RegExp(`-?${date}$`), '').replace(/-report$/, '');
  const parts = [slug(r.org), name || slug(r.type), date].filter((p) => p !== '');
  // the org code is usually part of the name already: keep it once
  const joined = parts[1]?.startsWith(parts[0]! + '-') ? parts.slice(1) : parts;
  return joined.join('-');
}

export function exportJson(r: Report): ExportedFile {
  return { fileName: `${baseFileName(r)}.json`, mime: 'application/json', content: JSON.stringify(r, null, 2) + '\n' };
}

function csvCell(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const s = c;
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"` : s;
}

/**
 * Every table of the report (the aggregate's sub-reports included) one after another, each
 * under a header line `# <section title> / <table title>` and followed by a blank line.
 * Cells that a spreadsheet would run as a formula (=, +, -, @) are quoted and prefixed with '.
 */
export function exportCsv(r: Report): ExportedFile {
  const lines: string[] = [`# ${r.name} (${r.type}) as of ${r.asOf}`, ''];
  for (const { path, table } of allTables(r.data)) {
    lines.push(`# ${[...path, table.title].join(' / ')}`);
    lines.push(table.columns.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
    lines.push('');
  }
  return { fileName: `${baseFileName(r)}.csv`, mime: 'text/csv', content: lines.join('\r\n') };
}
