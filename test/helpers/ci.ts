/**
 * True when running in CI (CI set and not "false"/"0"). In CI nothing may skip: a missing browser,
 * container engine or S3 server is a failure. Locally such suites skip with the reason in their
 * title and run as soon as the missing part is installed.
 */
export function inCI(): boolean {
  const v = process.env.CI;
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}
