/** A severity has one colour: the application's stylesheet, the report's HTML/PDF and its charts agree. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITY_COLOURS } from '../../../src-main/findings/severity-colours';
import { renderReportHtml } from '../../../src-main/reports/html';
import type { Report, ReportData } from '../../../src-main/reports/types';

const CSS = readFileSync(resolve(__dirname, '../../../src-renderer/styles-findings.css'), 'utf8');

describe('severity colours', () => {
  it('are the --sev-* variables of the application', () => {
    const vars = Object.fromEntries([...CSS.matchAll(/--sev-([a-z]+):\s*(#[0-9a-f]{3,8})\s*;/gi)].map((m) => [m[1], m[2]!.toLowerCase()]));
    expect(vars).toEqual(SEVERITY_COLOURS);
  });

  it('colour the badges and the severity chart of a report', () => {
    const data = {
      type: 'findings',
      title: 'Findings',
      generatedAsOf: '2026-12-02T08:00:00.000Z',
      inputs: ['Hostname|internet|example.org'],
      inputCount: 1,
      summary: [],
      sections: [{ id: 's', title: 'S', text: [], tables: [], charts: ['c'] }],
      tables: [],
      charts: [{ id: 'c', title: 'By severity', kind: 'bar', series: [{ label: 'n', values: [{ x: 'critical', y: 2 }, { x: 'high', y: 1 }] }] }],
      findings: [],
      details: { counts: { unknown: 0, pending: 0, recommendation: 0, low: 0, medium: 0, high: 1, critical: 2 }, total: 3, findingTypes: [] },
    } as unknown as ReportData;
    const r = { id: 'r1', org: 'acme', name: 'n', type: 'findings', inputs: { objects: [] }, asOf: data.generatedAsOf, createdAt: data.generatedAsOf, data, versions: { plugins: {}, catalogue: '', app: '0.1.0' }, previousId: null, recipeId: null } as unknown as Report;
    const h = renderReportHtml(r, { orgName: 'Acme' }).body;
    for (const [sev, c] of Object.entries(SEVERITY_COLOURS)) expect(h).toContain(`.sev-${sev} { background: ${c}; }`);
    expect(h).toContain(`fill="${SEVERITY_COLOURS.critical}"`);
    expect(h).toContain(`fill="${SEVERITY_COLOURS.high}"`);
  });
});
