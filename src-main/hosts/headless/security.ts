import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../common/errors';

/** 32 random bytes, base64url: the secret every /api/ request must carry. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison (hashing first hides the length too). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1];
}

/** The origins (and Host headers) this host answers to: itself on loopback, nothing else. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/**
 * Refuses a request from another origin (a web page the user has open elsewhere), and one whose
 * Host header is not our loopback address (DNS rebinding). A request without Origin passes.
 */
export function checkOrigin(req: IncomingMessage, port: number): void {
  const allowed = allowedOrigins(port);
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.has(origin)) {
    throw new AppError('FORBIDDEN_ORIGIN', 'Requests from other origins are not accepted.', { origin });
  }
  const host = req.headers.host;
  if (host !== undefined && !allowed.has(`http://${host}`)) {
    throw new AppError('FORBIDDEN_ORIGIN', 'This host only answers on its loopback address.', { host });
  }
}

export function checkToken(given: string | undefined, expected: string): void {
  if (given === undefined || given === '' || !tokensEqual(given, expected)) {
    throw new AppError('UNAUTHORIZED', 'A valid access token is required; open the URL the host printed at start.');
  }
}

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
