import { describe, it } from 'vitest';

/**
 * True when running in CI (CI set and not "false"/"0"). In CI nothing may skip: a missing browser,
 * container engine or S3 server is a failure. Locally such suites skip with the reason in their
 * title and run as soon as the missing part is installed.
 */
export function inCI(): boolean {
  const v = process.env.CI;
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/**
 * describe() for a suite that needs something this machine may lack (a browser, a container
 * engine, an S3 server). `missing` says what is missing, or null. Under CI a missing part is a
 * failing test that says so; locally the suite is skipped with the reason in its title.
 */
export function describeNeeding(name: string, missing: string | null, fn: () => void): void {
  if (missing && inCI()) {
    describe(name, () => {
      it(`needs what is missing: ${missing}`, () => {
        throw new Error(`${missing} CI must run "${name}".`);
      });
    });
    return;
  }
  if (missing) console.warn(`[tests] skipping "${name}": ${missing}`);
  describe.skipIf(missing !== null)(missing ? `${name} — skipped: ${missing}` : name, fn);
}
