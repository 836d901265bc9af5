/** Pure parts of reports: the HTML renderer, CSV/JSON export, file names, changes between finding sets. */
import { describe, expect, it } from 'vitest';
import { renderReportHtml, renderTable, AGGREGATE_PDF_ROWS } from '../../../src-main/reports/html';
import { baseFileName, exportCsv } from '../../../src-main/reports/export';
import { compareFindings } from '../../../src-main/reports/changes';
import { pdfFileName } from '../../../src-main/reports/pdf';
import type { Report, ReportData } from '../../../src-main/reports/types';

function report(data: Partial<ReportData> = {}): Report {
  const d = {
    type: 'findings',
    title: 'Findings',
    generatedAsOf: '2026-12-02T08:00:00.000Z',
    inputs: ['Hostname|internet|example.org'],
    inputCount: 1,
    summary: [{ label: 'Findings', value: 2 }],
    sections: [{ id: 's', title: 'Section <one>', text: ['a & b'], tables: ['t'], charts: ['c'] }],
    tables: [{ id: 't', title: 'Table', columns: ['Severity', 'Object', 'Note'], rows: [['high', 'Hostname|internet|example.org', '=cmd()'], ['low', 'x', null]] }],
    charts: [{ id: 'c', title: 'Chart', kind: 'bar', series: [{ label: 'n', values: [{ x: 'high', y: 1 }, { x: 'low', y: 1 }] }] }],
    findings: [],
    details: { counts: { unknown: 0, pending: 0, recommendation: 0, low: 1, medium: 0, high: 1, critical: 0 }, total: 2, findingTypes: [] },
    ...data,
  } as ReportData;
  return { id: 'r1', org: 'acme', name: 'Acme findings 2026-12-02', type: d.type, inputs: { objects: ['Hostname|internet|example.org'] }, asOf: '2026-12-02T08:00:00.000Z', createdAt: '2026-12-02T08:00:01.000Z', data: d, versions: { plugins: {}, catalogue: 'kat 1.0.0, cve 1.0.0', app: '0.1.0' }, previousId: null, recipeId: null };
}

describe('HTML', () => {
  it('is a self-contained document with escaped text, repeated table headers, unsplit rows and SVG charts', () => {
    const h = renderReportHtml(report(), { orgName: 'Acme <Corp>' });
    expect(h.body).toMatch(/^<!doctype html>/);
    expect(h.body).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(h.body).toContain('Section &lt;one&gt;');
    expect(h.body).toContain('a &amp; b');
    expect(h.body).not.toContain('<Corp>');
    expect(h.body).toContain('thead { display: table-header-group; }');
    expect(h.body).toContain('tr { break-inside: avoid; page-break-inside: avoid; }');
    expect(h.body).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(h.body).toContain('<span class="sev sev-high">high</span>');
    expect(h.footer).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(h.header).toContain('Acme &lt;Corp&gt;');
    // the same report renders the same document
    expect(renderReportHtml(report(), { orgName: 'Acme <Corp>' })).toEqual(h);
  });

  it('caps long tables when asked and says where the rest is', () => {
    const rows = Array.from({ length: AGGREGATE_PDF_ROWS + 5 }, (_, i) => [i]);
    const html = renderTable({ id: 't', title: 'T', columns: ['n'], rows }, AGGREGATE_PDF_ROWS);
    expect(html.match(/<tr>/g)).toHaveLength(AGGREGATE_PDF_ROWS + 1);
    expect(html).toContain(`The first ${AGGREGATE_PDF_ROWS} of ${AGGREGATE_PDF_ROWS + 5} rows`);
    expect(renderTable({ id: 'e', title: 'Empty', columns: ['n'], rows: [] })).toContain('Nothing to show.');
  });
});

describe('export', () => {
  it('CSV: one block per table, formulas defused', () => {
    const csv = exportCsv(report()).content.split('\r\n');
    expect(csv).toContain('# Findings / Table');
    expect(csv).toContain('Severity,Object,Note');
    expect(csv).toContain(`high,Hostname|internet|example.org,"'=cmd()"`);
    expect(csv).toContain('low,x,');
  });

  it('file names from the name and date', () => {
    expect(baseFileName(report())).toBe('acme-findings-2026-12-02');
    expect(pdfFileName({ org: 'acme', name: 'Aggregate report 2026-12-02', type: 'aggregate', asOf: '2026-12-02T00:00:00Z' })).toBe('acme-aggregate-2026-12-02.pdf');
    expect(pdfFileName({ org: 'acme', name: 'Überblick: Q4 / 2026', type: 'aggregate', asOf: '2026-12-02T00:00:00Z' })).toBe('acme-uberblick-q4-2026-2026-12-02.pdf');
  });
});

describe('changes', () => {
  it('new, fixed and still open by finding key', () => {
    const f = (pk: string) => ({ pk, findingType: 'KAT-X', severity: 'low', ooi: 'o' });
    expect(compareFindings([f('a'), f('b')], [f('c'), f('b')])).toEqual({ new: [f('c')], fixed: [f('a')], stillOpen: [f('b')] });
  });
});
