/** X.509 certificates and their subject alternative names. */
import { int, key, ref, req, str, type TypeSpec } from './dsl.js';

export const certificateTypes: TypeSpec[] = [
  {
    name: 'X509Certificate',
    fields: [
      str('subject'),
      str('issuer'),
      str('serial_number', req),
      str('valid_from', { description: 'start of validity as printed in the certificate' }),
      str('valid_until', { description: 'end of validity as printed in the certificate' }),
      str('pk_algorithm'),
      int('pk_size', { min: 0 }),
      str('pk_number'),
      ref('signed_by', 'X509Certificate', 'signed_certificates', [1, 0]),
      str('expires_in', { description: 'time left until expiry when observed (ISO 8601 duration)' }),
    ],
    key: key('issuer', 'serial_number'),
    description: 'A certificate, identified by its issuer and serial number.',
  },
  {
    name: 'SubjectAlternativeName',
    abstract: true,
    fields: [ref('certificate', 'X509Certificate', 'subject_alternative_names', [null, null], req)],
    description: 'An extra identity a certificate is valid for.',
  },
  {
    name: 'SubjectAlternativeNameHostname',
    parent: 'SubjectAlternativeName',
    fields: [ref('hostname', 'Hostname', 'certificate_sans', [1, 0], req)],
    key: key('certificate', 'hostname'),
    description: 'A DNS name listed in a certificate.',
  },
  {
    name: 'SubjectAlternativeNameIP',
    parent: 'SubjectAlternativeName',
    fields: [ref('address', 'IPAddress', 'certificate_sans', [null, null], req)],
    key: key('certificate', 'address'),
    description: 'An IP address listed in a certificate.',
  },
  {
    name: 'SubjectAlternativeNameQualifier',
    parent: 'SubjectAlternativeName',
    fields: [str('name', req)],
    key: key('certificate', 'name'),
    description: 'Any other name form listed in a certificate (e-mail, URI, ...).',
  },
];
