/**
 * A report as one self-contained HTML document for printing (pure: Report in, strings out).
 * Title page, table of contents, one chapter per section (the aggregate: management summary,
 * recommendations, scope, a chapter per sub-report, appendix), tables whose header row repeats on
 * every page and whose rows are never split, long keys that wrap instead of overflowing, and
 * charts as inline SVG. Page header and footer (organisation, report, page X of Y) are Chromium
 * header/footer templates. Nothing is fetched: the document has a CSP that forbids it.
 */
import { SEVERITY_COLOURS } from '../findings/severity-colours';
import type { ReportChart, ReportData, ReportSection, ReportTable, Report, Cell } from './types';

export interface ReportHtml {
  /** the full document */
  body: string;
  /** Chromium headerTemplate / footerTemplate */
  header: string;
  footer: string;
}

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = /* css */ `
@page { size: A4; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #1c2430; }
body { margin: 0; }
h1, h2, h3 { color: #0b3a5b; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 0.6pt solid #9fb3c8; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2.5mm; line-height: 1.4; orphans: 3; widows: 3; }
.chapter { break-before: page; page-break-before: always; }
.title-page { height: 250mm; display: flex; flex-direction: column; justify-content: center; }
.title-page .org { font-size: 13pt; color: #4a5d70; margin-bottom: 4mm; }
.title-page h1 { font-size: 28pt; }
.title-page dl { display: grid; grid-template-columns: 40mm 1fr; gap: 1.5mm 4mm; margin-top: 10mm; }
.title-page dt { color: #4a5d70; }
.title-page dd { margin: 0; overflow-wrap: anywhere; }
.toc ol { padding-left: 6mm; line-height: 1.7; }
.toc a { color: inherit; text-decoration: none; }
.figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0 4mm; }
.figure { border: 0.6pt solid #c9d6e3; border-radius: 1.5mm; padding: 2mm 3mm; min-width: 32mm; break-inside: avoid; }
.figure .v { font-size: 14pt; font-weight: bold; color: #0b3a5b; }
.figure .l { font-size: 8pt; color: #4a5d70; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 5mm; table-layout: auto; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.4pt solid #c9d6e3; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.long { overflow-wrap: anywhere; }
th { background: #e8eef4; font-weight: bold; font-size: 8.5pt; white-space: nowrap; }
td { font-size: 8.5pt; }
td.num { text-align: right; white-space: nowrap; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 1mm 0; color: #0b3a5b; }
.empty { color: #6b7c8d; font-style: italic; }
.sev { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; color: #fff; font-size: 8pt; }
${Object.entries(SEVERITY_COLOURS).map(([s, c]) => `.sev-${s} { background: ${c}; }`).join('\n')}
.chart { break-inside: avoid; margin: 2mm 0 5mm; }
.chart svg { max-width: 100%; }
.mono { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
`;

const SEVERITIES = new Set(['critical', 'high', 'medium', 'low', 'recommendation', 'pending', 'unknown']);

function cell(c: Cell, column: string): string {
  if (c === null) return '<td></td>';
  if (typeof c === 'number') return `<td class="num">${esc(Number.isInteger(c) ? c : c.toFixed(1))}</td>`;
  if (/^severity$/i.test(column) && SEVERITIES.has(c)) return `<td><span class="sev sev-${c}">${esc(c)}</span></td>`;
  if (/sha-?256/i.test(column)) return `<td class="mono long">${esc(c)}</td>`;
  // a word too long for a narrow column (an object key, a token) may break anywhere; short words keep the column wide enough
  return /\S{28,}/.test(c) ? `<td class="long">${esc(c)}</td>` : `<td>${esc(c)}</td>`;
}

/** `maxRows`: print at most this many rows and say how many more the JSON/CSV export has. */
export function renderTable(t: ReportTable, maxRows = Infinity): string {
  if (t.rows.length === 0) return `<h3>${esc(t.title)}</h3><p class="empty">Nothing to show.</p>`;
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows.length > maxRows ? t.rows.slice(0, maxRows) : t.rows;
  const body = rows.map((r) => `<tr>${r.map((c, i) => cell(c, t.columns[i] ?? '')).join('')}</tr>`).join('\n');
  const more = t.rows.length > rows.length ? `<p class="empty">The first ${rows.length} of ${t.rows.length} rows; the JSON and CSV export have all of them.</p>` : '';
  return `<table id="t-${esc(t.id)}"><caption>${esc(t.title)} (${t.rows.length})</caption>${head}<tbody>\n${body}\n</tbody></table>${more}`;
}

/** Rows per table in the aggregate's PDF: a management document; the exports have everything. */
export const AGGREGATE_PDF_ROWS = 60;

const PALETTE = ['#0b3a5b', '#2e7d32', '#ef6c00', '#7b1fa2', '#c62828', '#1565c0', '#6d4c41', '#00838f'];
function colour(x: string, i: number): string {
  return (SEVERITY_COLOURS as Record<string, string>)[x] ?? PALETTE[i % PALETTE.length]!;
}

function barChart(ch: ReportChart): string {
  const values = ch.series[0]?.values ?? [];
  const max = Math.max(1, ...values.map((v) => v.y));
  const rowH = 16;
  const labelW = 120;
  const barW = 360;
  const h = values.length * rowH + 8;
  const bars = values
    .map((v, i) => {
      const w = Math.round((v.y / max) * barW);
      const y = 4 + i * rowH;
      return `<text x="${labelW - 6}" y="${y + 11}" text-anchor="end" font-size="9">${esc(v.x)}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${Math.max(w, v.y > 0 ? 1 : 0)}" height="${rowH - 5}" fill="${colour(v.x, i)}"/>` +
        `<text x="${labelW + w + 4}" y="${y + 11}" font-size="9">${esc(v.y)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 50}" height="${h}" role="img" aria-label="${esc(ch.title)}">${bars}</svg>`;
}

function donutChart(ch: ReportChart): string {
  const values = (ch.series[0]?.values ?? []).filter((v) => v.y > 0);
  const total = values.reduce((n, v) => n + v.y, 0);
  const r = 50;
  const cx = 70;
  const cy = 65;
  const circ = 2 * Math.PI * r;
  let offset = 0;
  const arcs = values
    .map((v, i) => {
      const len = (v.y / total) * circ;
      const a = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${colour(v.x, i)}" stroke-width="22" stroke-dasharray="${len.toFixed(2)} ${(circ - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 ${cx} ${cy})"/>`;
      offset += len;
      return a;
    })
    .join('');
  const legend = values.map((v, i) => `<rect x="160" y="${12 + i * 16}" width="10" height="10" fill="${colour(v.x, i)}"/><text x="176" y="${21 + i * 16}" font-size="9">${esc(v.x)}: ${esc(v.y)}</text>`).join('');
  const empty = total === 0 ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#e0e6ec" stroke-width="22"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="${Math.max(135, 20 + values.length * 16)}" role="img" aria-label="${esc(ch.title)}">${empty}${arcs}<text x="${cx}" y="${cy + 4}" text-anchor="middle" font-size="12" font-weight="bold">${esc(total)}</text>${legend}</svg>`;
}

function lineChart(ch: ReportChart): string {
  const w = 460;
  const h = 140;
  const all = ch.series.flatMap((s) => s.values.map((v) => v.y));
  const max = Math.max(1, ...all);
  const lines = ch.series
    .map((s, i) => {
      const n = Math.max(1, s.values.length - 1);
      const pts = s.values.map((v, j) => `${(30 + (j / n) * (w - 40)).toFixed(1)},${(h - 20 - (v.y / max) * (h - 30)).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${colour(s.label, i)}" stroke-width="2" points="${pts}"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" role="img" aria-label="${esc(ch.title)}"><line x1="30" y1="${h - 20}" x2="${w - 10}" y2="${h - 20}" stroke="#9fb3c8"/>${lines}</svg>`;
}

export function renderChart(ch: ReportChart): string {
  const svg = ch.kind === 'donut' ? donutChart(ch) : ch.kind === 'line' ? lineChart(ch) : barChart(ch);
  return `<figure class="chart" id="c-${esc(ch.id)}"><figcaption><strong>${esc(ch.title)}</strong></figcaption>${svg}</figure>`;
}

function figures(d: ReportData): string {
  if (d.summary.length === 0) return '';
  return `<div class="figures">${d.summary.map((f) => `<div class="figure"><div class="v">${esc(f.value)}</div><div class="l">${esc(f.label)}</div></div>`).join('')}</div>`;
}

function renderSection(d: ReportData, s: ReportSection, level: 'h2' | 'h3', maxRows = Infinity): string {
  const tables = s.tables.map((id) => d.tables.find((t) => t.id === id)).filter((t): t is ReportTable => t !== undefined);
  const charts = s.charts.map((id) => d.charts.find((c) => c.id === id)).filter((c): c is ReportChart => c !== undefined);
  return (
    `<section id="s-${esc(d.type)}-${esc(s.id)}"><${level}>${esc(s.title)}</${level}>` +
    s.text.map((p) => `<p>${esc(p)}</p>`).join('') +
    charts.map(renderChart).join('') +
    tables.map((t) => renderTable(t, maxRows)).join('') +
    `</section>`
  );
}

/** A report's sections, then any table or chart no section shows. */
function renderBody(d: ReportData, level: 'h2' | 'h3', maxRows = Infinity): string {
  const shownT = new Set(d.sections.flatMap((s) => s.tables));
  const shownC = new Set(d.sections.flatMap((s) => s.charts));
  return (
    d.sections.map((s) => renderSection(d, s, level, maxRows)).join('') +
    d.charts.filter((c) => !shownC.has(c.id)).map(renderChart).join('') +
    d.tables.filter((t) => !shownT.has(t.id)).map((t) => renderTable(t, maxRows)).join('')
  );
}

interface Chapter {
  id: string;
  title: string;
  html: string;
}

function chapters(d: ReportData): Chapter[] {
  if (d.type !== 'aggregate') {
    return [{ id: 'main', title: d.title, html: `<h2>Key figures</h2>${figures(d)}${renderBody(d, 'h2')}` }];
  }
  const byId = (id: string) => d.sections.find((s) => s.id === id);
  const out: Chapter[] = [];
  const part = (id: string, extra = '') => {
    const s = byId(id);
    if (s) out.push({ id, title: s.title, html: `<h2>${esc(s.title)}</h2>${extra}${renderSection(d, { ...s, title: '' }, 'h3', AGGREGATE_PDF_ROWS).replace(/<h3><\/h3>/, '')}` });
  };
  part('summary', figures(d));
  part('recommendations');
  part('scope');
  part('compliance');
  for (const sub of d.details.subReports) {
    out.push({ id: `sub-${sub.type}`, title: sub.title, html: `<h2>${esc(sub.title)}</h2>${figures(sub)}${renderBody(sub, 'h3', AGGREGATE_PDF_ROWS)}` });
  }
  part('appendix');
  return out;
}

function titlePage(r: Report, orgName: string): string {
  const rows: [string, string][] = [
    ['Organisation', `${orgName} (${r.org})`],
    ['Report type', r.type],
    ['As of', r.asOf],
    ['Made', r.createdAt],
    ['Objects chosen', String(r.data.inputs.length)],
    ['Application', r.versions.app],
    ['Finding catalogue', r.versions.catalogue],
  ];
  return (
    `<div class="title-page"><div class="org">${esc(orgName)}</div><h1>${esc(r.name)}</h1>` +
    `<div>${esc(r.data.title)} as of ${esc(r.asOf.slice(0, 10))}</div>` +
    `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></div>`
  );
}

export function renderReportHtml(r: Report, opts: { orgName: string }): ReportHtml {
  const chs = chapters(r.data);
  const toc = `<nav class="toc chapter"><h2>Contents</h2><ol>${chs.map((c) => `<li><a href="#ch-${esc(c.id)}">${esc(c.title)}</a></li>`).join('')}</ol></nav>`;
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${esc(r.name)}</title><style>${CSS}</style></head><body>` +
    titlePage(r, opts.orgName) +
    toc +
    chs.map((c) => `<div class="chapter" id="ch-${esc(c.id)}">${c.html}</div>`).join('\n') +
    `</body></html>`;
  const small = `font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7.5pt; color: #4a5d70; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;`;
  const header = `<div style="${small}"><span>${esc(opts.orgName)}</span><span>${esc(r.name)}</span></div>`;
  const footer = `<div style="${small}"><span>As of ${esc(r.asOf)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
  return { body, header, footer };
}
