/**
 * The arithmetic behind the report charts (drawn as SVG by hand: no chart dependency). Pure:
 * numbers in, numbers and path strings out.
 */

/** Round steps for an axis from 0 to at least `max`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(max: number, target = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  // whole counts never get a fractional step (nor 2.5)
  const integer = Number.isInteger(max);
  const steps = integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = steps.map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = integer ? Math.max(1, Math.round(step)) : step;
  const ticks: number[] = [];
  for (let v = 0; v < max + whole / 2 && ticks.length < 50; v += whole) ticks.push(round(v));
  if (ticks[ticks.length - 1]! < max) ticks.push(round(ticks[ticks.length - 1]! + whole));
  return ticks;
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

/** The y coordinate of `value` on an axis from 0 (at `bottom`) to `top` (at `top`). */
export function scaleY(value: number, axisMax: number, top: number, bottom: number): number {
  if (axisMax <= 0) return bottom;
  return bottom - (Math.max(0, value) / axisMax) * (bottom - top);
}

export interface Band {
  /** left edge of the group of bars for one category */
  x: number;
  width: number;
}

/** Categories spread evenly over [left, right], each with an inner padding of `pad` (0..1). */
export function bands(count: number, left: number, right: number, pad = 0.25): Band[] {
  if (count <= 0) return [];
  const slot = (right - left) / count;
  const width = slot * (1 - pad);
  return Array.from({ length: count }, (_, i) => ({ x: left + i * slot + (slot - width) / 2, width }));
}

export interface Arc {
  /** the SVG path of the ring segment */
  d: string;
  /** share of the total, 0..1 */
  share: number;
  /** where a label sits: the middle of the segment at the middle radius */
  labelX: number;
  labelY: number;
}

/**
 * Ring segments for a donut around (cx, cy), starting at 12 o'clock, clockwise. Zero values get no
 * segment (an empty path); a single non-zero value is a full ring (two half arcs, since an SVG arc
 * cannot start and end at the same point).
 */
export function donutArcs(values: readonly number[], cx: number, cy: number, outer: number, inner: number): Arc[] {
  const total = values.reduce((n, v) => n + Math.max(0, v), 0);
  let angle = 0;
  return values.map((raw) => {
    const v = Math.max(0, raw);
    const share = total > 0 ? v / total : 0;
    const start = angle;
    const end = angle + share * 2 * Math.PI;
    angle = end;
    const mid = (start + end) / 2;
    const r = (outer + inner) / 2;
    const label = { labelX: cx + r * Math.sin(mid), labelY: cy - r * Math.cos(mid) };
    if (share === 0) return { d: '', share, ...label };
    if (share >= 0.9999) {
      const half = start + Math.PI;
      return { d: `${segment(cx, cy, outer, inner, start, half)} ${segment(cx, cy, outer, inner, half, start + 2 * Math.PI)}`, share, ...label };
    }
    return { d: segment(cx, cy, outer, inner, start, end), share, ...label };
  });
}

function point(cx: number, cy: number, r: number, a: number): string {
  return `${fmt(cx + r * Math.sin(a))} ${fmt(cy - r * Math.cos(a))}`;
}

function segment(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  const large = end - start > Math.PI ? 1 : 0;
  return [
    `M ${point(cx, cy, outer, start)}`,
    `A ${fmt(outer)} ${fmt(outer)} 0 ${large} 1 ${point(cx, cy, outer, end)}`,
    `L ${point(cx, cy, inner, end)}`,
    `A ${fmt(inner)} ${fmt(inner)} 0 ${large} 0 ${point(cx, cy, inner, start)}`,
    'Z',
  ].join(' ');
}

const fmt = (n: number) => (Math.abs(n) < 1e-9 ? '0' : String(Math.round(n * 100) / 100));

/** Evenly spaced x positions for `count` points over [left, right] (one point sits in the middle). */
export function spreadX(count: number, left: number, right: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [(left + right) / 2];
  const step = (right - left) / (count - 1);
  return Array.from({ length: count }, (_, i) => left + i * step);
}

/** An SVG polyline `points` attribute. */
export function polyline(xs: readonly number[], ys: readonly number[]): string {
  return xs.map((x, i) => `${fmt(x)},${fmt(ys[i] ?? 0)}`).join(' ');
}

/** The union of the series' x values, in first-seen order. */
export function categories(series: readonly { values: readonly { x: string }[] }[]): string[] {
  const seen = new Set<string>();
  for (const s of series) for (const v of s.values) seen.add(v.x);
  return [...seen];
}

/** "12", "1.5k", "2.3M": short labels for an axis. */
export function shortNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${trim(n / 1e6)}M`;
  if (a >= 1e4) return `${trim(n / 1e3)}k`;
  return Number.isInteger(n) ? String(n) : trim(n);
}

const trim = (n: number) => String(Math.round(n * 10) / 10);
