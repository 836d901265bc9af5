/** Timing helpers for the benchmarks. */
import type { Budget, MetricLine } from './metrics/types.js';

/** Nearest-rank percentile of an unsorted list (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Runs fn once per input (after `warmup` untimed runs) and returns each run's time in ms. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, warmup = 0): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await fn(inputs[i]!);
  const out: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await fn(input);
    out.push(performance.now() - t);
  }
  return out;
}

export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A line with its budget checked. */
export function line(name: string, value: number, unit: string, budget?: Budget, extra: Partial<MetricLine> = {}): MetricLine {
  const out: MetricLine = { name, value: round(value), unit, ...extra };
  if (extra.ratio !== undefined) out.ratio = round(extra.ratio);
  if (budget) {
    out.budget = budget;
    out.ok =
      (budget.min === undefined || value >= budget.min) &&
      (budget.max === undefined || value <= budget.max) &&
      (budget.ratioMin === undefined || (out.ratio !== undefined && out.ratio >= budget.ratioMin));
  }
  return out;
}
