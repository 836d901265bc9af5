import type { BitFn } from './types';

export const WEB_BITS: Readonly<Record<string, BitFn>> = {};
