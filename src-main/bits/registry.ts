/**
 * Every bit's code, by plugin id. The manifests (plugins/bits/<id>/manifest.json) are loaded by
 * the catalogue; the pure functions are bundled into the main process from here. One file per
 * family of bits keeps the lists short.
 */
import type { BitFn } from './types';
import { DNS_BITS } from './registry-dns';
import { WEB_BITS } from './registry-web';
import { OTHER_BITS } from './registry-other';

export const BITS: Readonly<Record<string, BitFn>> = { ...DNS_BITS, ...WEB_BITS, ...OTHER_BITS };

export function bitFor(id: string): BitFn | undefined {
  return Object.prototype.hasOwnProperty.call(BITS, id) ? BITS[id] : undefined;
}
