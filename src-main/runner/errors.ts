/**
 * The runner's coded errors. They mirror AppError ({ code, message, details }) but use codes of
 * their own until the shared ERROR_CODES list carries them (the lead adds them to common/errors.ts).
 */
export const RUNNER_ERROR_CODES = [
  'ENGINE_UNAVAILABLE', // no Docker-compatible engine answered
  'BASE_IMAGE_FAILED', // debootstrap / import / base Containerfile failed
  'IMAGE_BUILD_FAILED', // a plugin image failed to build (details.log: last lines of the build)
  'IMAGE_NOT_FOUND',
  'RUN_TIMEOUT', // the container ran past its timeout and was killed
  'RUN_FAILED', // the engine refused to create / start the container, or the output was unreadable
  'CANCELLED', // the caller's AbortSignal fired
] as const;
export type RunnerErrorCode = (typeof RUNNER_ERROR_CODES)[number];

export interface RunnerErrorPayload {
  code: RunnerErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class RunnerError extends Error {
  readonly code: RunnerErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: RunnerErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'RunnerError';
    this.code = code;
    this.details = details;
  }
  toJSON(): RunnerErrorPayload {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

export function isRunnerError(e: unknown): e is RunnerError {
  return e instanceof RunnerError;
}

/** A short, stack-free description of anything thrown (engine errors carry statusCode + json). */
export function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; json?: { message?: unknown }; statusCode?: unknown };
    const fromJson = o.json && typeof o.json.message === 'string' ? o.json.message : undefined;
    const msg = fromJson ?? (typeof o.message === 'string' ? o.message : String(e));
    return typeof o.statusCode === 'number' ? `${msg} (HTTP ${o.statusCode})` : msg;
  }
  return String(e);
}
