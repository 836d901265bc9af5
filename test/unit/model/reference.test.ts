import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors.js';
import { Reference, referencedPkFromTokens } from '../../../src-main/graph/model/index.js';

function parseError(pk: string): AppError {
  try {
    Reference.from(pk);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_REFERENCE');
    return e as AppError;
  }
  throw new Error(`expected '${pk}' to be rejected`);
}

describe('Reference.from', () => {
  it('picks IPAddressV4 or V6 by the address format', () => {
    expect(Reference.from('IPPort|internet|1.1.1.1|tcp|443').refs.address?.type).toBe('IPAddressV4');
    expect(Reference.from('IPPort|internet|2001:db8::1|udp|53').refs.address?.pk).toBe('IPAddressV6|internet|2001:db8::1');
  });

  it('picks the WebURL subtype by the netloc', () => {
    const base = 'HTTPResource|internet|1.1.1.1|tcp|443|https|internet|example.org';
    expect(Reference.from(`${base}|https|internet|example.org|443|/`).refs.web_url?.type).toBe('HostnameHTTPURL');
    expect(Reference.from(`${base}|https|internet|1.1.1.1|443|/`).refs.web_url?.type).toBe('IPAddressHTTPURL');
  });

  it('canonicalises values inside keys', () => {
    expect(Reference.from('Hostname|internet|EXAMPLE.org.').pk).toBe('Hostname|internet|example.org');
    expect(Reference.from('IPPort|internet|2001:DB8:0::1|tcp|0443').pk).toBe('IPPort|internet|2001:db8::1|tcp|443');
  });

  it('nests references of references', () => {
    const ref = Reference.from('MutedFinding|IPPort|internet|1.1.1.1|tcp|443|KAT-OPEN-PORT');
    expect(ref.refs.finding?.pk).toBe('Finding|IPPort|internet|1.1.1.1|tcp|443|KAT-OPEN-PORT');
    expect(ref.refs.finding?.refs.ooi?.refs.address?.pk).toBe('IPAddressV4|internet|1.1.1.1');
    expect(String(ref)).toBe(ref.pk);
  });

  it('resolves natural references to any object by trying types in order', () => {
    expect(Reference.from('Config|internet|example.org|my-bit').refs.ooi?.pk).toBe('Hostname|internet|example.org');
    expect(Reference.from('Question|/bit/x|internet|1.1.1.1|tcp|22').refs.ooi?.pk).toBe('IPPort|internet|1.1.1.1|tcp|22');
  });

  it('rejects malformed keys, naming the problem', () => {
    expect(parseError('').message).toContain('non-empty');
    expect(parseError('Nope|x').message).toContain("unknown object type 'Nope'");
    expect(parseError('IPAddress|internet|1.1.1.1').message).toContain('abstract');
    expect(parseError('Network').message).toContain('<Type>|<key>');
    expect(parseError('IPPort|internet|1.1.1.1|tcp').message).toContain('IPPort.port');
    expect(parseError('IPPort|internet|1.1.1.1|tcp|443|extra').message).toContain('extra');
    expect(parseError('IPPort|internet|1.1.1.1|tcp|99999').message).toContain('at most 65535');
    expect(parseError('IPPort|internet|1.1.1.1|icmp|1').message).toContain('IPPort.protocol');
    expect(parseError('IPPort|internet|1.1.1.300|tcp|1').message).toContain('IPAddress');
    expect(parseError('Hostname|internet|bad name').message).toContain('Hostname.name');
    expect(parseError('Finding|IPAddress|internet|1.1.1.1|KAT-X').message).toContain('abstract');
    expect(parseError('SoftwareInstance|Hostname|internet|example.org|Network|x').message).toContain('not allowed');
    expect(parseError('DNSTXTRecord|internet|example.org|nothex').message).toContain('SHA-1');
    expect(parseError('Network|').message).toContain('Network.name');
    expect(parseError('Network|a|b').message).toContain('extra');
  });

  it('tryFrom returns undefined instead of throwing', () => {
    expect(Reference.tryFrom('IPPort|x')).toBeUndefined();
    expect(Reference.tryFrom('Network|internet')?.tokenized).toEqual({ name: 'internet' });
  });
});

describe('referencedPkFromTokens', () => {
  it('finds the first concrete subtype that accepts the tokens', () => {
    expect(referencedPkFromTokens(['IPAddress'], ['internet', '1.1.1.1'])).toBe('IPAddressV4|internet|1.1.1.1');
    expect(referencedPkFromTokens(['IPAddress'], ['internet', 'FE80::1'])).toBe('IPAddressV6|internet|fe80::1');
    expect(referencedPkFromTokens(['NetBlock'], ['internet', 'internet', '::', '0'])).toBe('IPV6NetBlock|internet|internet|::|0');
    expect(referencedPkFromTokens(['FindingType'], ['capec-1'])).toBe('CAPECFindingType|CAPEC-1');
    expect(referencedPkFromTokens(['IPAddress'], ['internet', 'example.org'])).toBeUndefined();
  });

  it("with mode 'full' the first token is the type", () => {
    expect(referencedPkFromTokens(['OOI'], ['Hostname', 'internet', 'example.org'], 'full')).toBe('Hostname|internet|example.org');
    expect(referencedPkFromTokens(['Software'], ['Hostname', 'internet', 'example.org'], 'full')).toBeUndefined();
  });
});
