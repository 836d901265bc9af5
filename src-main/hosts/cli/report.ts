/**
 * `kat report`: makes a report from a data directory without a UI and writes it as PDF and/or
 * JSON (bundled to out/main/report.js; bin/kat.mjs runs it). Prints one summary line to stdout;
 * errors go to stderr with exit code 2 (usage: unknown type, bad option) or 1 (unknown
 * organisation, nothing to report, printing failed).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '../../common/errors';
import { silentLogger } from '../../common/logger';
import { createKat } from '../../core/kat';
import { defaultDataDir, UsageError } from '../common/options';
import { REPORT_TYPES, type ReportInputs, type ReportType } from '../../reports/types';

const USAGE = `Usage: kat report --org ORG --type TYPE (--objects PK,PK... | --all) [--as-of ISO] [--name NAME]
                  [--data-dir DIR] [--pdf FILE] [--json FILE]

Makes a report of an organisation's graph as of a time and writes it as PDF and/or JSON.
  --org ORG        the organisation's code or name (case-insensitive)
  --type TYPE      ${REPORT_TYPES.join(', ')}
  --objects PKS    the objects the report is about, comma-separated object keys
  --all            every object of the organisation
  --as-of ISO      the valid time to report on (default: now), e.g. 2026-12-01T00:00:00Z
  --name NAME      the report's name (default: "<type> report <date>")
  --data-dir DIR   where the data lives (default: $KAT_DATA_DIR, else ${defaultDataDir()})
  --pdf FILE       write the PDF here (printed with Chromium: $KAT_CHROMIUM, else /usr/bin/chromium)
  --json FILE      write the report (data, inputs, as-of, versions) as JSON here`;

export interface ReportArgs {
  org: string;
  type: ReportType;
  inputs: ReportInputs;
  asOf?: string;
  name?: string;
  dataDir?: string;
  pdf?: string;
  json?: string;
  help?: boolean;
}

export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const a: Partial<ReportArgs> & { objects?: string[]; all?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--org':
        a.org = value();
        break;
      case '--type': {
        const t = value();
        if (!(REPORT_TYPES as readonly string[]).includes(t)) throw new UsageError(`Unknown report type "${t}"; the types are ${REPORT_TYPES.join(', ')}`);
        a.type = t as ReportType;
        break;
      }
      case '--objects':
        a.objects = value().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--all':
        a.all = true;
        break;
      case '--as-of': {
        const v = value();
        if (Number.isNaN(Date.parse(v))) throw new UsageError(`--as-of: "${v}" is not a date-time like 2026-12-01T00:00:00Z`);
        a.asOf = new Date(v).toISOString();
        break;
      }
      case '--name':
        a.name = value();
        break;
      case '--data-dir':
        a.dataDir = value();
        break;
      case '--pdf':
        a.pdf = value();
        break;
      case '--json':
        a.json = value();
        break;
      case '--help':
      case '-h':
        return { help: true } as ReportArgs;
      default:
        throw new UsageError(`Unknown option "${arg}"`);
    }
  }
  if (!a.org) throw new UsageError('--org is required');
  if (!a.type) throw new UsageError('--type is required');
  if (a.all && a.objects) throw new UsageError('Give --objects or --all, not both');
  if (!a.all && (!a.objects || a.objects.length === 0)) throw new UsageError('Give the objects to report on (--objects PK,PK...) or --all');
  if (!a.pdf && !a.json) throw new UsageError('Nothing to write: give --pdf FILE and/or --json FILE');
  const { objects, all, ...rest } = a;
  return { ...(rest as ReportArgs), inputs: all ? { filter: {} } : { objects: objects! } };
}

async function main(argv: string[]): Promise<void> {
  const args = parseReportArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const data = args.dataDir || process.env.KAT_DATA_DIR || defaultDataDir();
  if (!existsSync(data)) throw new Error(`No data directory at ${data}; give the one \`kat serve --data-dir\` used`);
  // a core that only reads: no container engine, no runner, no scheduler, no inference
  const kat = await createKat({
    data,
    host: 'headless',
    logger: silentLogger,
    engine: false,
    runner: { start: false },
    scheduler: { start: false, defaults: false },
    bits: false,
    mutes: { start: false },
    reports: { recipes: { start: false } },
  });
  try {
    const orgs = (await kat.call('orgs.list', {})) as { code: string; name: string }[];
    const want = args.org.toLowerCase();
    const org = orgs.find((o) => o.code === want) ?? orgs.find((o) => o.name.toLowerCase() === want);
    if (!org) {
      throw Object.assign(new Error(`No organisation "${args.org}" in ${data}; known: ${orgs.map((o) => `${o.code} (${o.name})`).join(', ') || 'none'}`), { exitCode: 1 });
    }
    const report = await kat.reports.create(org.code, { type: args.type, inputs: args.inputs, asOf: args.asOf, name: args.name });
    const written: string[] = [];
    if (args.json) {
      const file = await kat.reports.exportData(org.code, report.id, 'json');
      writeFileSync(resolve(args.json), file.content);
      written.push(`${args.json}`);
    }
    if (args.pdf) {
      const pdf = await kat.reports.pdf(org.code, report.id);
      writeFileSync(resolve(args.pdf), Buffer.from(pdf.base64, 'base64'));
      written.push(`${args.pdf} (${pdf.pages} pages)`);
    }
    const n = report.data.findings.length;
    process.stdout.write(`Report ${report.id}: ${report.name} (${report.type}, ${org.code}) as of ${report.asOf}, ${report.data.inputs.length} objects, ${n} finding${n === 1 ? '' : 's'}; wrote ${written.join(' and ')}\n`);
  } finally {
    await kat.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const usage = e instanceof UsageError;
  const message = usage || isAppError(e) || e instanceof Error ? (e as Error).message : String(e);
  process.stderr.write(`kat report: ${message}\n`);
  if (usage) process.stderr.write(USAGE + '\n');
  process.exit(usage ? 2 : 1);
});
