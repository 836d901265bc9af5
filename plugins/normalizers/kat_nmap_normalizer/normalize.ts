/**
 * kat_nmap_normalizer: nmap XML (-oX, mime type boefje/nmap) into the open ports of each scanned
 * address. Pure.
 *
 * - Every <host> with an IPv4/IPv6 <address> gives that IPAddress, in the network of the input
 *   object (Network|internet for a file uploaded without one). With an IPAddress as input, a host
 *   with another address is RAW_MALFORMED (reason 'input'): the file is not about that object.
 * - Every open TCP/UDP <port> gives an IPPort (state 'open'); closed and filtered ports give nothing.
 * - A <service name> (not 'unknown') gives Service + IPService; 'http' over an SSL tunnel (-sV)
 *   is 'https'.
 * - A scan nmap itself reports as failed (<finished exit="error">) or a truncated file is
 *   RAW_MALFORMED, so the previous observation stays.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { ObjectSet } from '../../../src-main/normalizers/object-set';
import { decodeUtf8, malformed, type Normalize } from '../../../src-main/normalizers/types';
import { child, childrenNamed, parseXml, type XmlElement } from '../../../src-main/normalizers/xml';

const IP_TYPES: Record<string, string> = { ipv4: 'IPAddressV4', ipv6: 'IPAddressV6' };

function networkOf(input: OOI | null): string {
  const net = input?.data.network;
  return typeof net === 'string' && net.startsWith('Network|') ? net : 'Network|internet';
}

const SERVICE_RE = /^[a-z0-9][a-z0-9._+/-]{0,63}$/;

function serviceName(svc: XmlElement | undefined): string | undefined {
  const name = svc?.attrs.name?.trim().toLowerCase();
  if (!name || name === 'unknown') return undefined;
  if (!SERVICE_RE.test(name)) throw malformed(`'${name.slice(0, 80)}' is not an nmap service name`, { reason: 'value' });
  return name === 'http' && svc!.attrs.tunnel === 'ssl' ? 'https' : name;
}

function hostAddress(host: XmlElement, network: string, index: number): OOI | undefined {
  const addr = childrenNamed(host, 'address').find((a) => a.attrs.addrtype !== undefined && IP_TYPES[a.attrs.addrtype] !== undefined);
  if (!addr) return undefined;
  if (addr.attrs.addr === undefined) throw malformed(`host ${index + 1} has an <address> without addr`, { reason: 'shape', host: index + 1 });
  return normalizeObject(IP_TYPES[addr.attrs.addrtype!]!, { network, address: addr.attrs.addr });
}

export const normalizeNmap: Normalize = ({ raw, input }) => {
  const root = parseXml(decodeUtf8(raw, 'the nmap XML file'), { what: 'the nmap XML file', maxDepth: 16, keepText: false });
  if (root.name !== 'nmaprun') throw malformed(`the root element is <${root.name}>, not nmap's <nmaprun>`, { reason: 'shape' });
  const finished = child(child(root, 'runstats'), 'finished');
  if (!finished) throw malformed('the nmap XML file has no <runstats><finished>: the scan did not finish', { reason: 'incomplete' });
  if (finished.attrs.exit === 'error') {
    throw malformed(`nmap reported an error: ${finished.attrs.errormsg ?? 'no message'}`, { reason: 'nmap-error' });
  }

  const network = networkOf(input);
  const expected = input && (input.type === 'IPAddressV4' || input.type === 'IPAddressV6') ? input.pk : undefined;
  const out = new ObjectSet();
  childrenNamed(root, 'host').forEach((host, i) => {
    const ip = hostAddress(host, network, i);
    if (!ip) return;
    if (expected !== undefined && ip.pk !== expected) {
      throw malformed(`the nmap XML file is about ${String(ip.data.address)}, not the input ${expected}`, { reason: 'input', input: expected });
    }
    out.add(ip);
    for (const port of childrenNamed(child(host, 'ports'), 'port')) {
      if (child(port, 'state')?.attrs.state !== 'open') continue;
      const protocol = port.attrs.protocol;
      if (protocol !== 'tcp' && protocol !== 'udp') continue; // sctp / ip protocol scans: not modelled
      const ipPort = out.add(normalizeObject('IPPort', { address: ip.pk, protocol, port: port.attrs.portid, state: 'open' }));
      const name = serviceName(child(port, 'service'));
      if (name === undefined) continue;
      const service = out.add(normalizeObject('Service', { name }));
      out.add(normalizeObject('IPService', { ip_port: ipPort, service }));
    }
  });
  return { objects: out.toArray() };
};
