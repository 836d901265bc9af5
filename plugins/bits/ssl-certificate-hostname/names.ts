/**
 * The names a certificate is valid for, and matching a hostname against them (RFC 6125 §6.4):
 * case-insensitive, a trailing dot ignored, and a wildcard only as the whole left-most label,
 * standing for exactly one non-empty label ("*.example.org" covers "www.example.org" but neither
 * "example.org" nor "a.b.example.org"). A wildcard directly above a top-level label ("*.org") or
 * anywhere else in a name ("w*.example.org", "www.*.org") matches nothing. Pure.
 */

/** Lower-cased, without a trailing dot; '' for a name that cannot be a DNS name. */
export function canonicalName(name: string): string {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  return n.length > 0 && n.length <= 253 && !/[\s/|]/.test(n) ? n : '';
}

/** Whether `hostname` is covered by the certificate name `pattern` (a DNS name, maybe a wildcard). */
export function nameMatches(hostname: string, pattern: string): boolean {
  const host = canonicalName(hostname);
  const want = canonicalName(pattern);
  if (!host || !want) return false;
  if (!want.includes('*')) return host === want;
  const [first, ...rest] = want.split('.');
  if (first !== '*' || rest.length < 2 || rest.some((l) => l === '' || l.includes('*'))) return false;
  const labels = host.split('.');
  return labels.length === rest.length + 1 && labels[0] !== '' && labels.slice(1).join('.') === rest.join('.');
}

/**
 * The common names (CN, or its OID 2.5.4.3) in an RFC 4514 distinguished name such as
 * "CN=www.example.org,O=Acme\, Inc,C=NL", unescaped. Multi-valued RDNs ("CN=a+OU=b") are split.
 * Hex-encoded values ("CN=#0C03...") are skipped: they carry no readable name.
 */
export function commonNames(dn: string): string[] {
  const out: string[] = [];
  for (const part of splitUnescaped(dn, new Set([',', '+', ';']))) {
    const eq = indexOfUnescaped(part, '=');
    if (eq < 0) continue;
    const attr = part.slice(0, eq).trim().toLowerCase();
    const raw = part.slice(eq + 1).trim();
    if ((attr === 'cn' || attr === '2.5.4.3' || attr === 'oid.2.5.4.3') && raw && !raw.startsWith('#')) out.push(unescapeValue(raw));
  }
  return out;
}

function splitUnescaped(s: string, separators: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      current += c + s[i + 1];
      i++;
    } else if (separators.has(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function indexOfUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** RFC 4514 value unescaping: "\," -> ",", "\7C" -> "|" (runs of hex pairs are UTF-8 bytes). */
function unescapeValue(v: string): string {
  return v.replace(/((?:\\[0-9a-fA-F]{2})+)|\\(.)/gsu, (_m, hex: string | undefined, ch: string | undefined) => {
    if (ch !== undefined) return ch;
    const bytes = Uint8Array.from(hex!.slice(1).split('\\'), (h) => parseInt(h, 16));
    return new TextDecoder().decode(bytes);
  });
}
