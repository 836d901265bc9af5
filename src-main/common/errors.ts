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
  // plugin catalogue and raw files (issue 3)
  'PLUGIN_MANIFEST_INVALID', // a plugin's manifest.json failed validation (details.file, details.field)
  'PLUGIN_NOT_FOUND',
  'PLUGIN_BROKEN', // the plugin's manifest is invalid; it cannot be enabled or configured
  'PLUGIN_SETTINGS_INVALID', // per-organisation settings failed the plugin's schema (details.field)
  'SECRETS_UNAVAILABLE', // the secret key file is missing or unreadable, so stored secrets cannot be decrypted
  'RAW_NOT_FOUND',
  'RAW_CORRUPT', // a stored raw file no longer matches its sha256
  'RAW_TOO_LARGE',
  'RAW_STORE_FAILED', // the raw file backend (folder or S3) failed
  // scan levels (issue 3)
  'LEVEL_ABOVE_CLEARANCE', // a declared level above the organisation's acknowledged clearance (details.level, details.maxLevel)
  'CLEARANCE_NOT_ACKNOWLEDGED', // nothing above L0 can be declared before a user acknowledged a clearance for the organisation
  // container runtime (issue 3)
  'ENGINE_UNAVAILABLE', // no Docker-compatible container engine reachable (details.hint says how to start one)
  'BASE_IMAGE_FAILED',
  'IMAGE_BUILD_FAILED', // details.log holds the end of the build log
  'IMAGE_NOT_FOUND',
  'RUN_TIMEOUT', // a container ran past its timeout and was killed
  'RUN_FAILED',
  // tasks, scans and normalizers (issue 3)
  'TASK_NOT_FOUND',
  'NOT_ELIGIBLE', // a boefje may not run on the object: its level is below the boefje's scan level (details.level, details.scanLevel)
  'PLUGIN_DISABLED', // the plugin is not enabled for the organisation
  'RAW_MALFORMED', // a normalizer could not parse a raw file (details.reason, details.line / details.offset where known)
  'NORMALIZER_FAILED', // a normalizer produced invalid objects or crashed (details.index, details.field)
  'BOEFJE_FAILED', // a boefje container exited non-zero (details.exitCode; stderr kept on the task)
  'BIT_FAILED', // a bit (inference rule) threw or returned invalid objects (details.id, details.source)
  // reports (issue 7)
  'REPORT_NOT_FOUND',
  'NOTHING_TO_REPORT', // the inputs resolve to no object at the report time
  'PDF_UNAVAILABLE', // no PDF printer (Chromium) in this host (details.hint)
  'PDF_FAILED', // Chromium failed to print the report
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
