/**
 * The webpage-analysis document (plugins/boefjes/webpage-analysis/README.md), checked as a whole
 * before any object is built. The caps are far above what curl hands back (it refuses a header
 * line over 100 KiB) and keep a hostile file from costing more than a moment.
 */
import { z } from 'zod';
import { decodeUtf8, malformed, parseJson } from '../../../src-main/normalizers/types';

export const FORMAT = 'kattegat/webpage-analysis/1';
export const MAX_RAW_BYTES = 16 * 1024 * 1024;
export const MAX_HOPS = 50;
export const MAX_HEADERS_PER_HOP = 10_000;
export const MAX_HEADER_VALUE_CHARS = 128 * 1024;
export const MAX_URL_CHARS = 16 * 1024;

const url = z.string().min(1).max(MAX_URL_CHARS);

const hop = z.object({
  url,
  url_effective: url.nullish(),
  http_code: z.number().int().min(0).max(999),
  http_version: z.string().max(10).nullish(),
  remote_ip: z.string().max(64).nullish(),
  remote_port: z.number().int().min(0).max(65535).nullish(),
  redirect_url: z.string().max(MAX_URL_CHARS).nullish(),
  exitcode: z.number().int(),
  errormsg: z.string().max(4096).nullish(),
  headers: z.record(z.string().min(1).max(1024), z.array(z.string().max(MAX_HEADER_VALUE_CHARS)).max(MAX_HEADERS_PER_HOP)),
});

const document = z.object({
  format: z.literal(FORMAT),
  request: z.object({ url }),
  hops: z.array(hop).min(1).max(MAX_HOPS),
});

export type Hop = z.infer<typeof hop>;
export type WebpageDocument = z.infer<typeof document>;

export function readDocument(raw: Uint8Array): WebpageDocument {
  if (raw.length > MAX_RAW_BYTES) throw malformed(`the webpage-analysis file is ${raw.length} bytes; the limit is ${MAX_RAW_BYTES}`, { reason: 'too-large' });
  const parsed = document.safeParse(parseJson(decodeUtf8(raw, 'the webpage-analysis file'), 'the webpage-analysis file'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw malformed(`the webpage-analysis file is not in the ${FORMAT} format: ${where || '(root)'}: ${issue?.message ?? 'invalid'}`, {
      reason: 'schema',
      path: where,
    });
  }
  for (const [i, h] of parsed.data.hops.entries()) {
    if (Object.keys(h.headers).length > MAX_HEADERS_PER_HOP) {
      throw malformed(`hop ${i} has more than ${MAX_HEADERS_PER_HOP} headers`, { reason: 'too-many-headers', path: `hops.${i}.headers` });
    }
  }
  return parsed.data;
}
