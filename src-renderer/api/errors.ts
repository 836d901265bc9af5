import type { ErrorCode, ErrorPayload } from '../../src-main/common/errors';

/** Codes the client adds for failures that never reached the core. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'NO_TOKEN';

/** A coded error from the core (or from the transport), as thrown by `api.call`. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode | ClientErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static fromPayload(p: ErrorPayload | undefined): ApiError {
    if (!p || typeof p.code !== 'string') return new ApiError('INTERNAL', 'The core answered with an unreadable error.');
    return new ApiError(p.code, p.message ?? p.code, p.details);
  }

  /** Anything thrown, as an ApiError (never a stack for the user). */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    // the Electron bridge rejects with a plain `{ code, message }` (errors stay values across IPC)
    if (e && typeof e === 'object' && typeof (e as ErrorPayload).code === 'string' && typeof (e as ErrorPayload).message === 'string') {
      return ApiError.fromPayload(e as ErrorPayload);
    }
    return new ApiError('INTERNAL', e instanceof Error ? e.message : String(e));
  }
}

/** What to tell the user to do about an error, by code. */
export function adviceFor(code: string): string {
  switch (code) {
    case 'NETWORK_ERROR':
      return 'The Kattegat core is not reachable. Check that it is still running; the app reconnects by itself.';
    case 'NO_TOKEN':
    case 'UNAUTHORIZED':
      return 'Open the address printed by `kat serve` (it carries the access token), or restart the app.';
    case 'BAD_REQUEST':
    case 'INVALID_OBJECT':
    case 'INVALID_REFERENCE':
    case 'INVALID_CSV':
      return 'Correct the highlighted input and try again.';
    case 'ORG_NOT_FOUND':
      return 'The organisation no longer exists; pick another one in the sidebar.';
    case 'ORG_EXISTS':
      return 'Choose another code.';
    case 'NOT_FOUND':
      return 'It may have been deleted meanwhile; refresh the list.';
    case 'REFERENCE_MISSING':
      return 'Create the referenced object first, or pick an existing one.';
    case 'REPORT_NOT_FOUND':
      return 'The report was deleted meanwhile; go back to the list.';
    case 'NOTHING_TO_REPORT':
      return 'The inputs reach no object at the report time: choose other objects, widen the filter, or pick a later as-of time.';
    case 'PDF_FAILED':
      return 'Chromium could not print the report; try again, or export JSON or CSV.';
    case 'PDF_UNAVAILABLE':
      return 'This host cannot print: install Chromium (apt-get install -y chromium) or set KAT_CHROMIUM. JSON and CSV export still work.';
    case 'INTERNAL':
      return 'This is a bug; the application log has the details.';
    default:
      return '';
  }
}
