/** Walking a report's tables, the aggregate's sub-reports included. */
import type { ReportData, ReportTable } from './types';

export function allTables(data: ReportData, path: string[] = []): { path: string[]; table: ReportTable }[] {
  const here = [...path, data.title];
  const out = data.tables.map((table) => ({ path: here, table }));
  if (data.type === 'aggregate') for (const sub of data.details.subReports) out.push(...allTables(sub, here));
  return out;
}
