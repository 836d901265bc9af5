/**
 * A small, strict XML parser for tool output (nmap -oX and the like). Pure, linear in the input:
 * every scan (indexOf / sticky regex) starts where the previous one ended and no text is scanned
 * twice, so hostile input costs at most one pass before it fails.
 *
 * Safe by construction: no DTD processing at all (a DOCTYPE with an internal subset is refused,
 * an external one is never fetched), only the five predefined entities and character references,
 * so no entity expansion; a depth limit; one root element; every element closed (a truncated file
 * fails). Comments and processing instructions are skipped, CDATA is text. Errors are
 * RAW_MALFORMED with the line and offset.
 */
import { malformed } from './types';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** the element's own text (entities decoded), concatenated; '' for most tool output */
  text: string;
}

export interface XmlOptions {
  /** deepest element nesting accepted (default 64) */
  maxDepth?: number;
  /** what the error messages call the input (default 'the XML file') */
  what?: string;
  /** collect element text (default true); without it text is only checked, which is cheaper */
  keepText?: boolean;
}

const NAME_RE = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const WS_RE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string | undefined> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const CHAR_REF_RE = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/;

/** The elements named `name` among the children of `el` (or an empty list). */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The first child named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function parseXml(text: string, opts: XmlOptions = {}): XmlElement {
  const maxDepth = opts.maxDepth ?? 64;
  const what = opts.what ?? 'the XML file';
  const keepText = opts.keepText ?? true;
  const n = text.length;
  let pos = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  const texts: string[][] = [];

  const fail = (message: string, at = pos): never => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    throw malformed(`${what} is not valid XML: ${message} (line ${line})`, { reason: 'xml', line, offset: at });
  };
  /** Entities decoded (build) or only checked; one pass, pieces joined once. */
  const decode = (s: string, at: number, build = true): string => {
    let amp = s.indexOf('&');
    if (amp === -1) return s;
    const parts: string[] = [];
    let from = 0;
    while (amp !== -1) {
      const semi = s.indexOf(';', amp);
      if (semi === -1 || semi - amp > 11) return fail(`a bare '&' (write &amp;)`, at + amp);
      const ref = s.slice(amp + 1, semi);
      let ch = PREDEFINED[ref];
      if (ch === undefined) {
        const m = CHAR_REF_RE.exec(ref);
        if (!m) return fail(`the entity &${ref}; is not one of the five XML defines (no DTD entities are expanded)`, at + amp);
        const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
        const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0x10ffff && cp !== 0xfffe && cp !== 0xffff);
        if (!ok) return fail(`&${ref}; is not a character XML allows`, at + amp);
        ch = String.fromCodePoint(cp);
      }
      if (build) parts.push(s.slice(from, amp), ch);
      from = semi + 1;
      amp = s.indexOf('&', from);
    }
    if (!build) return '';
    parts.push(s.slice(from));
    return parts.join('');
  };
  const name = (): string => {
    NAME_RE.lastIndex = pos;
    const m = NAME_RE.exec(text);
    if (!m) fail('expected a name');
    pos = NAME_RE.lastIndex;
    return m![0];
  };
  const ws = (): boolean => {
    WS_RE.lastIndex = pos;
    WS_RE.exec(text);
    const moved = WS_RE.lastIndex > pos;
    pos = WS_RE.lastIndex;
    return moved;
  };
  const skipTo = (end: string, what: string): void => {
    const at = text.indexOf(end, pos);
    if (at === -1) fail(`${what} is not closed (the file ends first)`);
    pos = at + end.length;
  };
  const addText = (s: string, at: number) => {
    if (stack.length === 0) {
      if (/[^ \t\r\n]/.test(s)) fail(root ? 'text after the root element' : 'text before the root element', at);
      return;
    }
    if (!keepText) decode(s, at, false);
    else if (s !== '') texts[texts.length - 1]!.push(decode(s, at));
  };

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    const end = lt === -1 ? n : lt;
    if (end > pos) addText(text.slice(pos, end), pos);
    if (lt === -1) {
      pos = n;
      break;
    }
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      pos += 4;
      skipTo('-->', 'a comment');
    } else if (text.startsWith('<?', pos)) {
      pos += 2;
      skipTo('?>', 'a processing instruction');
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const start = pos + 9;
      pos = start;
      skipTo(']]>', 'a CDATA section');
      if (keepText) texts[texts.length - 1]!.push(text.slice(start, pos - 3));
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      if (root || stack.length > 0) fail('a DOCTYPE after the root element started');
      const close = text.indexOf('>', pos);
      if (close === -1) fail('a DOCTYPE is not closed (the file ends first)');
      if (text.slice(pos, close).includes('[')) fail('DTD internal subsets are not supported');
      pos = close + 1;
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const tag = name();
      ws();
      if (text[pos] !== '>') fail(`expected '>' to end </${tag}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`</${tag}> closes nothing`);
      if (open!.name !== tag) fail(`</${tag}> closes <${open!.name}>`);
      open!.text = texts.pop()!.join('');
    } else {
      pos++;
      // a prototype-less map: an attribute called __proto__ stays an attribute
      const el: XmlElement = { name: name(), attrs: Object.create(null) as Record<string, string>, children: [], text: '' };
      if (stack.length === 0 && root) fail(`a second root element <${el.name}>`);
      if (stack.length >= maxDepth) fail(`elements nest deeper than ${maxDepth} levels`);
      for (;;) {
        const spaced = ws();
        const c = text[pos];
        if (c === '>' || c === '/') break;
        if (c === undefined) fail(`<${el.name} is not closed (the file ends first)`);
        if (!spaced) fail(`expected a space, '>' or '/>' in <${el.name}`);
        const attr = name();
        ws();
        if (text[pos] !== '=') fail(`expected '=' after ${attr} in <${el.name}`);
        pos++;
        ws();
        const q = text[pos];
        if (q !== '"' && q !== "'") fail(`the value of ${attr} in <${el.name}> is not quoted`);
        const close = text.indexOf(q!, pos + 1);
        if (close === -1) fail(`the value of ${attr} in <${el.name}> is not closed (the file ends first)`);
        const raw = text.slice(pos + 1, close);
        if (raw.includes('<')) fail(`'<' in the value of ${attr} in <${el.name}>`);
        if (Object.prototype.hasOwnProperty.call(el.attrs, attr)) fail(`${attr} appears twice in <${el.name}>`);
        el.attrs[attr] = decode(raw, pos + 1);
        pos = close + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
      if (text[pos] === '/') {
        if (text[pos + 1] !== '>') fail(`expected '/>' to end <${el.name}`);
        pos += 2;
      } else {
        pos++;
        stack.push(el);
        texts.push([]);
      }
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed (the file ends first; truncated?)`, n);
  if (!root) fail('no root element', n);
  return root!;
}
