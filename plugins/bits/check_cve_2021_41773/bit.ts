/**
 * check_cve_2021_41773: a Server HTTPHeader announcing Apache/2.4.49 or Apache/2.4.50 ->
 * CVE-2021-41773 on the header's HTTPResource. Only the version the server itself announces is
 * used; a server that hides its version gives nothing. 2.4.50 is included because its fix for
 * CVE-2021-41773 was incomplete (CVE-2021-42013), leaving the same traversal open.
 */
import type { BitFn } from '../../../src-main/bits/types';
import { cveFinding } from '../../../src-main/bits/helpers';
import { headerKey } from '../web-common';

const VULNERABLE = /\bapache\/2\.4\.(49|50)(?![\d.])/i;

export const checkCve202141773: BitFn = ({ source }) => {
  if (headerKey(source) !== 'server') return [];
  const value = String(source.data.value ?? '');
  const m = VULNERABLE.exec(value);
  if (!m) return [];
  return [cveFinding(String(source.data.resource), 'CVE-2021-41773', `The server announces Apache httpd 2.4.${m[1]}, which allows path traversal outside the document root and, with CGI enabled, remote code execution.`, `Server: ${value.slice(0, 300)}`)];
};
