/**
 * Errors are values with codes. Everything that crosses the API boundary is an AppError
 * serialised as `{ code, message, details }`; anything else is a bug and is reported as INTERNAL.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // payload failed schema validation
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN_ORIGIN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_OBJECT', // an OOI failed model validation (details.field names the field)
  'UNKNOWN_TYPE',
  'INVALID_REFERENCE', // a primary key / reference string could not be parsed
  'REFERENCE_MISSING', // an object references an object that does not exist and cannot be derived
  'ORIGIN_SOURCE_MISSING', // a non-declaration origin whose source object does not exist
  'ORG_NOT_FOUND',
  'ORG_EXISTS',
  'INVALID_QUERY', // path language / filter syntax (details.column points at the error)
  'INVALID_CSV',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toJSON(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into the payload a client may see: never a stack trace. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (isAppError(e)) return e.toJSON();
  return { code: 'INTERNAL', message: 'An internal error occurred; see the application log.' };
}
