/** The HTML of a report for printing: stub, replaced by the full renderer. */
import type { Report } from './types';

export interface ReportHtml {
  body: string;
  header: string;
  footer: string;
}

export function renderReportHtml(r: Report, opts: { orgName: string }): ReportHtml {
  return { body: `<!doctype html><title>${r.name}</title><h1>${opts.orgName}</h1>`, header: '<span></span>', footer: '<span class="pageNumber"></span>' };
}
