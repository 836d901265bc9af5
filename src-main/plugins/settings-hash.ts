import { createHash } from 'node:crypto';

/**
 * A stable hash of the settings a boefje runs with (keys sorted, nested too), so the scheduler can
 * tell a repeat run from one with other settings. Secrets are part of it; only the hash is stored.
 */
export function settingsHash(settings: Record<string, unknown>): string {
  return createHash('sha256').update('kat-settings\0').update(stable(settings)).digest('hex').slice(0, 32);
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
