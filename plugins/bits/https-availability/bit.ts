/**
 * https-availability: an IPAddress with TCP port 80 open and TCP port 443 not open ->
 * KAT-HTTPS-NOT-AVAILABLE on the address.
 *
 * The finding sits on the address, not on its URLs or websites: the observation is about the
 * address's ports, it needs no hostname, and one finding per address keeps the list short when
 * many hostnames share it. "Not open" means no IPPort 443/tcp, or one recorded as closed/filtered.
 * A web server on another port (8443) is not taken as an https offer for port-80 visitors.
 */
import type { BitFn } from '../../../src-main/bits/types';
import { katFinding } from '../../../src-main/bits/helpers';
import { isOpenTcpPort } from '../web-common';

export const httpsAvailability: BitFn = ({ source, params }) => {
  const open = (port: number) => params.ports.some((p) => isOpenTcpPort(p, port));
  if (!open(80) || open(443)) return [];
  return [katFinding(source.pk, 'KAT-HTTPS-NOT-AVAILABLE', `${String(source.data.address)} serves http on port 80 but has no https port 443 open, so its websites cannot be reached securely.`)];
};
