import type { BitFn } from './types';

export const OTHER_BITS: Readonly<Record<string, BitFn>> = {};
