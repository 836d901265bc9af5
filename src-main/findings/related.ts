/**
 * "Findings of related objects": the objects whose findings belong on another object's page. A
 * hostname's page shows the findings on its DNS records, on the IPs it resolves to, on their ports
 * and services, on the websites, HTTP resources and headers behind those, and on the certificates
 * the websites present. The set is the closure of the start object over the edges below, walked in
 * one recursive query (src-main/findings/repository.ts). Each edge names the referencing type, its
 * attribute, and the direction it is walked in:
 *   in  - from the referenced object to the referencing one (Hostname -> its ResolvedHostnames)
 *   out - from the referencing object to the referenced one (ResolvedHostname -> its IP)
 * The walk is directional on purpose: from an IP it does not climb back to hostnames, and no edge
 * reaches a Network, so hubs never pull in the whole graph.
 */
import { concreteSubtypes } from '../graph/model/index.js';

export interface RelatedEdge {
  /** the type holding the reference */
  type: string;
  attr: string;
  dir: 'in' | 'out';
}

const inEdge = (type: string, attr: string): RelatedEdge => ({ type, attr, dir: 'in' });
const outEdge = (type: string, attr: string): RelatedEdge => ({ type, attr, dir: 'out' });

function allOf(abstract: string, attr: string): RelatedEdge[] {
  return concreteSubtypes(abstract).map((t) => inEdge(t, attr));
}

let edges: RelatedEdge[] | undefined;

/** The documented relation set (see the module comment). */
export function relatedEdges(): readonly RelatedEdge[] {
  edges ??= [
    // hostname -> its DNS records and the mail records derived from them
    ...allOf('DNSRecord', 'hostname'),
    inEdge('NXDOMAIN', 'hostname'),
    inEdge('DNSSPFRecord', 'dns_txt_record'),
    inEdge('DMARCTXTRecord', 'hostname'),
    inEdge('DKIMExists', 'hostname'),
    inEdge('DKIMSelector', 'hostname'),
    // hostname -> the addresses it resolves to
    inEdge('ResolvedHostname', 'hostname'),
    outEdge('ResolvedHostname', 'address'),
    // hostname or address -> URLs on it
    ...allOf('WebURL', 'netloc'),
    // address -> ports -> services -> websites and TLS
    inEdge('IPPort', 'address'),
    inEdge('IPService', 'ip_port'),
    inEdge('TLSCipher', 'ip_service'),
    inEdge('Website', 'ip_service'),
    inEdge('Website', 'hostname'),
    // website -> its certificate, resources and their headers
    outEdge('Website', 'certificate'),
    inEdge('HTTPResource', 'website'),
    inEdge('HTTPHeader', 'resource'),
    inEdge('SecurityTXT', 'website'),
    // anything -> the software seen running on it
    inEdge('SoftwareInstance', 'ooi'),
  ];
  return edges;
}

/** The edges as `Type.attr` labels per direction, the form the SQL takes them in. */
export function relatedEdgeLabels(): { in: string[]; out: string[] } {
  const e = relatedEdges();
  return {
    in: e.filter((x) => x.dir === 'in').map((x) => `${x.type}.${x.attr}`),
    out: e.filter((x) => x.dir === 'out').map((x) => `${x.type}.${x.attr}`),
  };
}
