import type { ServerResponse } from 'node:http';
import type { ErrorCode, ErrorPayload } from '../../common/errors';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_OBJECT: 400,
  INVALID_REFERENCE: 400,
  INVALID_QUERY: 400,
  INVALID_CSV: 400,
  UNKNOWN_TYPE: 400,
  REFERENCE_MISSING: 400,
  ORIGIN_SOURCE_MISSING: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_ORIGIN: 403,
  NOT_FOUND: 404,
  ORG_NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  ORG_EXISTS: 409,
  CANCELLED: 409,
  INTERNAL: 500,
  // issue 3: refusals a user causes are client errors, not 500s
  PLUGIN_NOT_FOUND: 404,
  PLUGIN_BROKEN: 409,
  PLUGIN_SETTINGS_INVALID: 400,
  PLUGIN_DISABLED: 409,
  RAW_NOT_FOUND: 404,
  RAW_TOO_LARGE: 413,
  LEVEL_ABOVE_CLEARANCE: 403,
  CLEARANCE_NOT_ACKNOWLEDGED: 403,
  TASK_NOT_FOUND: 404,
  NOT_ELIGIBLE: 409,
  ENGINE_UNAVAILABLE: 503,
  SECRETS_UNAVAILABLE: 503,
  REPORT_NOT_FOUND: 404,
  NOTHING_TO_REPORT: 400,
  PDF_UNAVAILABLE: 503,
};

/** The HTTP status for an error code; a code without a mapping is a client error if it names one. */
export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? (code.startsWith('INVALID_') || code.startsWith('ORG_') ? 400 : 500);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ErrorPayload, status = statusFor(error.code)): void {
  sendJson(res, status, { error });
}
