/**
 * `kat report` end to end: bin/kat.mjs runs the built out/main/report.js on a real data directory
 * and writes a PDF (Chromium) and JSON. Needs `npx electron-vite build` first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../../src-main/common/clock';
import { silentLogger } from '../../../src-main/common/logger';
import { createKat } from '../../../src-main/core/kat';
import { CHROMIUM_PATH } from '../../../src-main/reports/pdf';
import type { Report } from '../../../src-main/reports/types';
import { describeNeeding } from '../../helpers/ci';
import type { TestKat } from '../../helpers/kat';
import { HOST, OTHER, seedReportGraph } from './fixture';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin', 'kat.mjs');
const ENTRY = join(ROOT, 'out', 'main', 'report.js');
const OUT = join(ROOT, 'test-results', 'reports');
const run = promisify(execFile);

async function kat(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, 'report', ...args], { cwd: ROOT, timeout: 180_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

describeNeeding('kat report (CLI)', existsSync(CHROMIUM_PATH) ? null : `Chromium not found at ${CHROMIUM_PATH}`, () => {
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(ENTRY)) throw new Error(`The app is not built: ${ENTRY} is missing. Run \`npx electron-vite build\` first.`);
    mkdirSync(OUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'kat-report-cli-'));
    const core = await createKat({ data: dir, clock: new FakeClock('2026-03-01T10:00:00Z'), logger: silentLogger, engine: false, runner: { start: false }, scheduler: { start: false, defaults: false }, bits: false, reports: { printer: false } });
    await core.call('orgs.create', { code: 'acme', name: 'ACME Corp' });
    await seedReportGraph(Object.assign(core, { api: core.call }) as unknown as TestKat);
    await core.close();
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the PDF and JSON of an aggregate report', async () => {
    const pdf = join(OUT, 'cli-aggregate.pdf');
    const json = join(OUT, 'cli-aggregate.json');
    rmSync(pdf, { force: true });
    const r = await kat('--org', 'ACME', '--type', 'aggregate', '--objects', `${HOST},${OTHER}`, '--as-of', '2026-03-01T12:00:00Z', '--data-dir', dir, '--pdf', pdf, '--json', json);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Report [0-9a-f-]+: Aggregate report 2026-03-01 \(aggregate, acme\) as of 2026-03-01T12:00:00.000Z, 2 objects, 7 findings; wrote .*cli-aggregate.json and .*cli-aggregate.pdf \(\d+ pages\)\n$/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.type).toBe('aggregate');
    expect(report.asOf).toBe('2026-03-01T12:00:00.000Z');
    expect(report.data.findings).toHaveLength(7);
  }, 300_000);

  it('--all reports on every object', async () => {
    const json = join(OUT, 'cli-findings.json');
    const r = await kat('--org', 'acme', '--type', 'findings', '--all', '--data-dir', dir, '--json', json);
    expect(r.code).toBe(0);
    // with every object in scope, unrelated.org's finding is included
    expect((JSON.parse(readFileSync(json, 'utf8')) as Report).data.findings).toHaveLength(8);
  }, 300_000);

  it('clear errors: unknown organisation, unknown type, nothing to report, bad options', async () => {
    const org = await kat('--org', 'nope', '--type', 'dns', '--all', '--data-dir', dir, '--json', join(OUT, 'x.json'));
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('kat report: No organisation "nope"');
    expect(org.stderr).toContain('acme (ACME Corp)');
    const type = await kat('--org', 'acme', '--type', 'weather', '--all', '--data-dir', dir, '--json', join(OUT, 'x.json'));
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('Unknown report type "weather"; the types are dns, mail');
    const nothing = await kat('--org', 'acme', '--type', 'dns', '--objects', 'Hostname|internet|missing.example', '--data-dir', dir, '--json', join(OUT, 'x.json'));
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('Nothing to report');
    const past = await kat('--org', 'acme', '--type', 'dns', '--all', '--as-of', '2020-01-01T00:00:00Z', '--data-dir', dir, '--json', join(OUT, 'x.json'));
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('Nothing to report');
    const noOut = await kat('--org', 'acme', '--type', 'dns', '--all', '--data-dir', dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Nothing to write');
    const noDir = await kat('--org', 'acme', '--type', 'dns', '--all', '--data-dir', join(dir, 'missing'), '--json', join(OUT, 'x.json'));
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain('No data directory');
    expect(existsSync(join(OUT, 'x.json'))).toBe(false);
  }, 300_000);
});
