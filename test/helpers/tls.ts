/**
 * A throw-away PKI for tests, made with the host's `openssl` CLI in a temp dir: a root CA, an
 * intermediate CA and a leaf for the given DNS names and IPs, with fixed serial numbers so the
 * certificates' primary keys (issuer + serial) are known in advance. Files stay in `dir` until
 * `cleanup()`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  rootPem: string;
  intermediatePem: string;
  leafPem: string;
  leafKeyPem: string;
  /** leaf + intermediate: what a server presents */
  chainPem: string;
  /** serial numbers as uppercase hex (how X509Certificate.serial_number stores them) */
  serials: { root: string; intermediate: string; leaf: string };
  /** RFC 4514 issuer/subject strings as the normalizer writes them */
  names: { root: string; intermediate: string; leaf: string };
  cleanup(): void;
}

export interface PkiOptions {
  dnsNames?: string[];
  ips?: string[];
  /** leaf validity in days (default 30) */
  days?: number;
  /** serials in hex without 0x (defaults 1001 / 2002 / 3003) */
  serials?: { root?: string; intermediate?: string; leaf?: string };
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makeTestPki(opts: PkiOptions = {}): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'kat-pki-'));
  const dnsNames = opts.dnsNames ?? ['localhost', 'www.kattegat.test', '*.kattegat.test'];
  const ips = opts.ips ?? ['127.0.0.1', '::1'];
  const serials = { root: '1001', intermediate: '2002', leaf: '3003', ...opts.serials };
  const san = [...dnsNames.map((n) => `DNS:${n}`), ...ips.map((ip) => `IP:${ip}`)].join(',');

  writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  writeFileSync(
    join(dir, 'leaf.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n`,
  );
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650', '-set_serial', `0x${serials.root}`,
    '-subj', '/C=NL/O=Kattegat Test/CN=Kattegat Test Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', ...ec, '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/C=NL/O=Kattegat Test/CN=Kattegat Test Intermediate CA']);
  openssl(dir, ['x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', `0x${serials.intermediate}`,
    '-days', '3650', '-extfile', 'ca.ext', '-out', 'int.pem']);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/O=Kattegat Test/CN=${dnsNames[0] ?? 'localhost'}`]);
  openssl(dir, ['x509', '-req', '-in', 'leaf.csr', '-CA', 'int.pem', '-CAkey', 'int.key', '-set_serial', `0x${serials.leaf}`,
    '-days', String(opts.days ?? 30), '-extfile', 'leaf.ext', '-out', 'leaf.pem']);

  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const leafPem = read('leaf.pem');
  const intermediatePem = read('int.pem');
  return {
    dir,
    rootPem: read('root.pem'),
    intermediatePem,
    leafPem,
    leafKeyPem: read('leaf.key'),
    chainPem: leafPem + intermediatePem,
    serials: { root: serials.root.toUpperCase(), intermediate: serials.intermediate.toUpperCase(), leaf: serials.leaf.toUpperCase() },
    names: {
      root: 'CN=Kattegat Test Root CA,O=Kattegat Test,C=NL',
      intermediate: 'CN=Kattegat Test Intermediate CA,O=Kattegat Test,C=NL',
      leaf: `CN=${dnsNames[0] ?? 'localhost'},O=Kattegat Test`,
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A self-signed certificate for `hostname` that expired long ago (valid January 2024 only), made
 * with `openssl ca` (OpenSSL 3.0's `req`/`x509` cannot set past dates). Serial `serial` in hex.
 */
export function makeExpiredSelfSigned(hostname: string, serial = '0A1B'): { certPem: string; keyPem: string; serial: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kat-expired-'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), serial + '\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    '[ca]\ndefault_ca = d\n[d]\ndir = .\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\nunique_subject = no\n[p]\ncommonName = supplied\n',
  );
  openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'key.pem', '-out', 'req.csr',
    '-subj', `/CN=${hostname}`, '-addext', `subjectAltName=DNS:${hostname}`]);
  openssl(dir, ['ca', '-selfsign', '-keyfile', 'key.pem', '-in', 'req.csr', '-startdate', '20240101000000Z', '-enddate', '20240201000000Z',
    '-batch', '-config', 'ca.cnf', '-out', 'cert.pem']);
  return {
    certPem: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    keyPem: readFileSync(join(dir, 'key.pem'), 'utf8'),
    serial,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
