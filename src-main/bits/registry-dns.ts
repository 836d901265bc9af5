import type { BitFn } from './types';
import { dnsResolving } from '../../plugins/bits/dns-resolving/bit';

export const DNS_BITS: Readonly<Record<string, BitFn>> = {
  'dns-resolving': dnsResolving,
};
