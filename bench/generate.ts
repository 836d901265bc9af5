/**
 * Realistic synthetic knowledge graphs for benchmarks and load tests, deterministic by seed.
 *
 * The graph is emitted as the origins scanners would produce: declarations of the network and a few
 * registered domains, then a certificate-transparency observation per domain (its subdomains), a DNS
 * observation per hostname (records, addresses), an nmap observation per address (ports, services),
 * website-discovery inferences per web service, a webpage observation per website (URL, resource,
 * headers) and finding inferences (open ports, missing security headers). Every origin's source is a
 * result of an earlier origin, and every referenced object is a result of the same or an earlier one.
 */
import type { OOI } from '../src-main/graph/model/index.js';
import type { OriginWrite } from '../src-main/origins/types.js';
import {
  CDN_PROVIDERS,
  COMMON_PORTS,
  DNS_PROVIDERS,
  DOMAIN_SUFFIXES,
  ENVIRONMENTS,
  IPV4_FIRST_OCTETS,
  LABELS,
  MAIL_PROVIDERS,
  ODD_PORT_CHANCE,
  ODD_PORTS,
  SECURITY_HEADERS,
  SERVER_HEADERS,
  TLDS,
  type PortSpec,
} from './gen/catalogue.js';
import { Rng } from './prng.js';
import { Phase, World } from './gen/world.js';

export interface GenerateOptions {
  /** target number of distinct objects */
  objects: number;
  seed: number;
  /** seeds the domain names (default 'acme') */
  org?: string;
}

export interface GraphSample {
  hostnames: string[];
  ips: string[];
  ports: string[];
  ipServices: string[];
  websites: string[];
  resources: string[];
  findings: string[];
  /** every object's primary key, in creation order */
  all: string[];
}

export interface GeneratedGraph {
  observations: OriginWrite[];
  objectCount: number;
  sample: GraphSample;
}

export const MIN_OBJECTS = 200;
/** No single hostname adds more objects than this, so the loop stops this far short and pads exactly. */
const UNIT_MARGIN = 400;

interface WebService {
  ipService: OOI;
  scheme: 'http' | 'https';
  port: number;
}

interface Domain {
  apex: OOI;
  name: string;
  ipBase: [number, number];
  nextIp: number;
  ips: OOI[];
  ip6Prefix: string;
  nextIp6: number;
}

class Generator {
  private readonly world = new World();
  private readonly rng: Rng;
  private readonly network: OOI;
  private readonly domains: Domain[] = [];
  private readonly names = new Set<string>();
  private readonly usedIps = new Set<string>();
  private readonly webServices = new Map<string, WebService[]>();
  private readonly sample: Omit<GraphSample, 'all'> = {
    hostnames: [],
    ips: [],
    ports: [],
    ipServices: [],
    websites: [],
    resources: [],
    findings: [],
  };

  constructor(
    seed: number,
    private readonly org: string,
  ) {
    this.rng = new Rng(seed);
    this.network = this.world.add('Network', { name: 'internet' });
    this.world.origin(Phase.declaration, 'declaration', 'manual', this.network.pk).result(this.network);
  }

  run(target: number): GeneratedGraph {
    const domainCount = Math.max(2, Math.min(10, Math.round(target / 20_000) + 2));
    for (let i = 0; i < domainCount; i++) this.addDomain(i);
    while (this.world.size + UNIT_MARGIN < target) {
      this.addSubdomain(this.domains[this.rng.skewedIndex(this.domains.length)]!);
    }
    this.pad(target);
    const all = [...this.world.objects.keys()];
    return { observations: this.world.emit(), objectCount: this.world.size, sample: { ...this.sample, all } };
  }

  private hostname(name: string, registered?: OOI): OOI {
    const h = this.world.add('Hostname', { network: this.network.pk, name, registered_domain: registered?.pk });
    if (!this.names.has(name)) {
      this.names.add(name);
      this.sample.hostnames.push(h.pk);
    }
    return h;
  }

  private addDomain(i: number): void {
    const base = this.org.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'acme';
    const name = `${base}${DOMAIN_SUFFIXES[i % DOMAIN_SUFFIXES.length]}${i >= DOMAIN_SUFFIXES.length ? i : ''}.${TLDS[i % TLDS.length]}`;
    const apex = this.hostname(name);
    this.world.origin(Phase.declaration, 'declaration', 'manual', apex.pk).result(apex);
    const d: Domain = {
      apex,
      name,
      ipBase: [this.rng.pick(IPV4_FIRST_OCTETS), this.rng.int(0, 255)],
      nextIp: this.rng.int(0, 4000),
      ips: [],
      ip6Prefix: `2a0${this.rng.int(0, 9)}:${this.rng.hex(4)}:${this.rng.hex(3)}`,
      nextIp6: 1,
    };
    this.domains.push(d);

    const dns = this.dnsOrigin(apex);
    const ns = DNS_PROVIDERS[i % DNS_PROVIDERS.length]!;
    const nsHosts = [1, 2].map((n) => this.hostname(`ns${n}.${ns}`));
    for (const h of nsHosts) {
      dns.result(h, this.record('DNSNSRecord', apex, `${h.data.name}.`, { name_server_hostname: h.pk }));
    }
    const mail = MAIL_PROVIDERS[i % MAIL_PROVIDERS.length]!;
    [10, 20].forEach((pref, n) => {
      const mx = this.hostname(`mx${n + 1}.${mail}`);
      dns.result(mx, this.record('DNSMXRecord', apex, `${pref} ${mx.data.name}.`, { mail_hostname: mx.pk, preference: pref }));
    });
    const zone = this.world.add('DNSZone', { hostname: apex.pk });
    const soa = this.world.add('DNSSOARecord', {
      hostname: apex.pk,
      soa_hostname: nsHosts[0]!.pk,
      value: `${nsHosts[0]!.data.name}. hostmaster.${name}. 2024${this.rng.int(100000, 999999)} 7200 3600 1209600 3600`,
      serial: this.rng.int(2024000000, 2024999999),
      retry: 3600,
      refresh: 7200,
      expire: 1209600,
      minimum: 3600,
      ttl: 3600,
    });
    dns.result(zone, soa);
    dns.result(this.record('DNSTXTRecord', apex, `v=spf1 include:_spf.${mail} -all`));
    dns.result(this.record('DNSTXTRecord', apex, `google-site-verification=${this.rng.hex(32)}`));
    this.resolve(apex, dns, this.newIpv4(d));
    this.addSubdomain(d, 'www');
  }

  private dnsOrigin(h: OOI) {
    return this.world.origin(Phase.dns, 'observation', 'kat_dns_normalizer', h.pk, 'dns-records');
  }

  private record(type: string, h: OOI, value: string, extra: Record<string, unknown> = {}): OOI {
    return this.world.add(type, { hostname: h.pk, value, ttl: this.rng.pick([300, 3600, 14400, 86400]), ...extra });
  }

  private subdomainName(d: Domain): string {
    for (;;) {
      const label = this.rng.pick(LABELS);
      const r = this.rng.next();
      const name =
        r < 0.3
          ? `${label}.${d.name}`
          : r < 0.7
            ? `${label}.${this.rng.pick(ENVIRONMENTS)}.${d.name}`
            : `${label}-${this.rng.int(1, 999)}.${this.rng.pick(ENVIRONMENTS)}.${d.name}`;
      if (!this.names.has(name)) return name;
    }
  }

  private addSubdomain(d: Domain, fixedName?: string): OOI {
    const name = fixedName !== undefined && !this.names.has(`${fixedName}.${d.name}`) ? `${fixedName}.${d.name}` : this.subdomainName(d);
    const h = this.hostname(name, d.apex);
    this.world.origin(Phase.subdomains, 'observation', 'kat_crt_sh_normalize', d.apex.pk, 'certificate-search').result(h);
    const dns = this.dnsOrigin(h);
    if (this.rng.chance(0.08)) {
      const target = this.hostname(`${name.replace(/\./g, '-')}.${this.rng.pick(CDN_PROVIDERS)}`);
      dns.result(target, this.record('DNSCNAMERecord', h, `${target.data.name}.`, { target_hostname: target.pk }));
      return h;
    }
    const addresses = this.rng.chance(0.25) ? 2 : 1;
    const seen = new Set<string>();
    for (let i = 0; i < addresses; i++) {
      const reuse = d.ips.length > 0 && this.rng.chance(0.35);
      const ip = reuse ? this.rng.pick(d.ips) : this.newIpv4(d);
      if (seen.has(ip.pk)) continue;
      seen.add(ip.pk);
      this.resolve(h, dns, ip);
    }
    if (this.rng.chance(0.3)) this.resolve(h, dns, this.newIpv6(d));
    if (this.rng.chance(0.2)) dns.result(this.record('DNSTXTRecord', h, `verification=${this.rng.hex(24)}`));
    return h;
  }

  /** An A/AAAA record, the address and the resolution; websites for every web service on the address. */
  private resolve(h: OOI, dns: ReturnType<World['origin']>, ip: OOI): void {
    const v4 = ip.type === 'IPAddressV4';
    const rec = this.record(v4 ? 'DNSARecord' : 'DNSAAAARecord', h, String(ip.data.address), { address: ip.pk });
    const resolved = this.world.add('ResolvedHostname', { hostname: h.pk, address: ip.pk });
    dns.result(ip, rec, resolved);
    for (const web of this.webServices.get(ip.pk) ?? []) this.website(h, web, resolved);
  }

  private newIpv4(d: Domain): OOI {
    for (;;) {
      const n = d.nextIp++;
      const address = `${d.ipBase[0]}.${(d.ipBase[1] + (n >> 16)) & 255}.${(n >> 8) & 255}.${(n & 255) || 1}`;
      if (this.usedIps.has(address)) continue;
      return this.newIp(d, 'IPAddressV4', address);
    }
  }

  private newIpv6(d: Domain): OOI {
    return this.newIp(d, 'IPAddressV6', `${d.ip6Prefix}::${(d.nextIp6++).toString(16)}`);
  }

  /** A fresh address with its nmap observation; IPv6 addresses expose fewer ports. */
  private newIp(d: Domain, type: string, address: string): OOI {
    this.usedIps.add(address);
    const ip = this.world.add(type, { network: this.network.pk, address });
    if (type === 'IPAddressV4') d.ips.push(ip);
    this.sample.ips.push(ip.pk);
    const nmap = this.world.origin(Phase.ports, 'observation', 'kat_nmap_normalizer', ip.pk, 'nmap');
    const open: PortSpec[] = COMMON_PORTS.filter((p) => this.rng.chance(type === 'IPAddressV4' ? p.p : p.p / 2));
    if (this.rng.chance(ODD_PORT_CHANCE)) open.push(this.rng.pick(ODD_PORTS));
    const web: WebService[] = [];
    for (const spec of open) {
      const port = this.world.add('IPPort', { address: ip.pk, protocol: 'tcp', port: spec.port });
      const service = this.world.add('Service', { name: spec.service });
      const ipService = this.world.add('IPService', { ip_port: port.pk, service: service.pk });
      nmap.result(port, service, ipService);
      this.sample.ports.push(port.pk);
      this.sample.ipServices.push(ipService.pk);
      if (spec.web) web.push({ ipService, scheme: spec.web, port: spec.port });
      if (spec.finding) this.finding('port-classification', port, spec.finding);
    }
    this.webServices.set(ip.pk, web);
    return ip;
  }

  private finding(bit: string, on: OOI, id: string): void {
    const type = this.world.add('KATFindingType', { id });
    const f = this.world.add('Finding', { ooi: on.pk, finding_type: type.pk });
    this.world.origin(Phase.findings, 'inference', bit, on.pk).result(type, f);
    this.sample.findings.push(f.pk);
  }

  private website(h: OOI, web: WebService, resolved: OOI): void {
    const before = this.world.size;
    const site = this.world.add('Website', { ip_service: web.ipService.pk, hostname: h.pk });
    if (this.world.size === before) return; // already built
    this.world
      .origin(Phase.websites, 'inference', 'website-discovery', web.ipService.pk)
      .result(site)
      .parameter(resolved.pk);
    this.sample.websites.push(site.pk);

    const page = this.world.origin(Phase.webpages, 'observation', 'kat_webpage_analysis', site.pk, 'webpage-analysis');
    const url = this.world.add('HostnameHTTPURL', { network: this.network.pk, scheme: web.scheme, netloc: h.pk, port: web.port, path: '/' });
    const resource = this.world.add('HTTPResource', { website: site.pk, web_url: url.pk });
    page.result(url, resource);
    this.sample.resources.push(resource.pk);
    const header = (key: string, value: string) => page.result(this.world.add('HTTPHeader', { resource: resource.pk, key, value }));
    header('server', this.rng.pick(SERVER_HEADERS));
    header('content-type', 'text/html; charset=utf-8');
    if (this.rng.chance(0.5)) header('cache-control', this.rng.pick(['no-cache', 'max-age=600', 'private, no-store']));
    if (this.rng.chance(0.3)) header('set-cookie', `session=${this.rng.hex(16)}; Secure; HttpOnly`);
    if (web.scheme === 'http' && this.rng.chance(0.6)) header('location', `https://${h.data.name}/`);
    for (const sec of SECURITY_HEADERS) {
      if (sec.httpsOnly && web.scheme !== 'https') continue;
      if (this.rng.chance(sec.p)) header(sec.key, sec.value);
      else this.finding('missing-headers', resource, sec.finding);
    }
  }

  /** Hostnames with only TXT records, until the object count is exactly `target`. */
  private pad(target: number): void {
    const d = this.domains[0]!;
    while (this.world.size < target) {
      const room = target - this.world.size;
      const h = this.hostname(this.subdomainName(d), d.apex);
      this.world.origin(Phase.subdomains, 'observation', 'kat_crt_sh_normalize', d.apex.pk, 'certificate-search').result(h);
      const dns = this.dnsOrigin(h);
      for (let i = 0; i < Math.min(room - 1, 8); i++) {
        dns.result(this.record('DNSTXTRecord', h, `verification-${i}=${this.rng.hex(24)}`));
      }
    }
  }
}

/** Builds a graph of exactly `objects` distinct objects (at least MIN_OBJECTS), deterministic by seed. */
export function generateGraph(opts: GenerateOptions): GeneratedGraph {
  if (!Number.isInteger(opts.objects) || opts.objects < MIN_OBJECTS) {
    throw new RangeError(`generateGraph: objects must be an integer >= ${MIN_OBJECTS}, got ${opts.objects}`);
  }
  return new Generator(opts.seed, opts.org ?? 'acme').run(opts.objects);
}
