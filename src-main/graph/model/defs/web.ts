/** Websites, URLs, HTTP resources and headers, APIs. */
import { bool, int, json, key, oneOf, ref, req, str, type TypeSpec } from './dsl.js';

export const WEB_SCHEMES = ['http', 'https'] as const;

export const webTypes: TypeSpec[] = [
  {
    name: 'Website',
    fields: [
      ref('ip_service', 'IPService', 'websites', [0, 4], req),
      ref('hostname', 'Hostname', 'websites', [null, 4], req),
      ref('certificate', 'X509Certificate', 'websites', [1, null]),
    ],
    key: key('ip_service', 'hostname'),
    description: 'A virtual host: one hostname served by one HTTP(S) service.',
  },
  {
    name: 'WebURL',
    abstract: true,
    fields: [
      ref('network', 'Network', 'web_urls', [null, null], req),
      oneOf('scheme', WEB_SCHEMES, req),
      int('port', { required: true, min: 0, max: 65535 }),
      str('path', req),
    ],
    key: key('scheme', 'netloc', 'port', 'path'),
    description: 'A split-up http(s) URL whose host part is a hostname or an address.',
  },
  {
    name: 'HostnameHTTPURL',
    parent: 'WebURL',
    fields: [ref('netloc', 'Hostname', 'urls', [2, 4], req)],
    description: 'An http(s) URL addressed by hostname.',
  },
  {
    name: 'IPAddressHTTPURL',
    parent: 'WebURL',
    fields: [ref('netloc', 'IPAddress', 'urls', [1, 4], req)],
    description: 'An http(s) URL addressed by a literal IP address.',
  },
  {
    name: 'URL',
    fields: [
      ref('network', 'Network', 'urls', [null, null], req),
      str('raw', req),
      ref('web_url', 'WebURL', 'raw_urls', [2, null]),
    ],
    key: key('network', 'raw'),
    description: 'A URL exactly as it was found, before it is split into parts.',
  },
  {
    name: 'HTTPResource',
    fields: [
      ref('website', 'Website', 'resources', [0, 4], req),
      ref('web_url', 'WebURL', 'resources', [1, 4], req),
      ref('redirects_to', 'WebURL', 'redirected_from'),
    ],
    key: key('website', 'web_url'),
    description: 'A path fetched from a website.',
  },
  {
    name: 'HTTPHeader',
    fields: [ref('resource', 'HTTPResource', 'headers', [0, 4], req), str('key', req), str('value', req)],
    key: key('resource', 'key'),
    description: 'A response header returned for a resource.',
  },
  {
    name: 'HTTPHeaderURL',
    fields: [ref('header', 'HTTPHeader', 'urls', [0, 1], req), ref('url', 'URL', 'headers_containing_url', [1, 0], req)],
    key: key('header', 'url'),
    description: 'A URL mentioned inside a header, such as Location or a CSP source.',
  },
  {
    name: 'HTTPHeaderHostname',
    fields: [
      ref('header', 'HTTPHeader', 'hostnames', [0, 1], req),
      ref('hostname', 'Hostname', 'headers_containing_hostname', [1, 0], req),
    ],
    key: key('header', 'hostname'),
    description: 'A hostname mentioned inside a header.',
  },
  {
    name: 'ImageMetadata',
    fields: [ref('resource', 'HTTPResource', 'image_metadata', [0, 4], req), json('image_info', req)],
    key: key('resource'),
    description: 'Metadata (EXIF and similar) read from an image served by a resource.',
  },
  {
    name: 'SecurityTXT',
    fields: [
      ref('website', 'Website', 'security_txts', [0, 4], req),
      ref('url', 'URL', 'security_txt', [0, 4], req),
      ref('redirects_to', 'SecurityTXT', 'redirected_from', [2, 0]),
      str('security_txt'),
    ],
    key: key('website', 'url'),
    description: 'The security.txt contact file served by a website.',
  },
  {
    name: 'RESTAPI',
    fields: [ref('api_url', 'WebURL', 'rest_apis', [null, null], req)],
    key: key('api_url'),
    description: 'A REST API found at a URL.',
  },
  {
    name: 'APIDesignRule',
    fields: [str('name', req)],
    key: key('name'),
    nonTraversable: true,
    description: 'One rule of the API design guidelines that APIs are checked against.',
  },
  {
    name: 'APIDesignRuleResult',
    fields: [
      ref('rest_api', 'RESTAPI', 'api_design_rule_results', [null, null], req),
      ref('rule', 'APIDesignRule', 'results', [null, null], req),
      bool('passed', req),
      str('message', req),
    ],
    key: key('rest_api', 'rule'),
    description: 'Whether one API passed one design rule, with an explanation.',
  },
];
