import type { BitFn } from './types';
import { defaultFindingtypeRisk } from '../../plugins/bits/default-findingtype-risk/bit';
import { expiringCertificate } from '../../plugins/bits/expiring-certificate/bit';
import { portClassificationIp } from '../../plugins/bits/port-classification-ip/bit';
import { sslCertificateHostname } from '../../plugins/bits/ssl-certificate-hostname/bit';

export const OTHER_BITS: Readonly<Record<string, BitFn>> = {
  'default-findingtype-risk': defaultFindingtypeRisk,
  'expiring-certificate': expiringCertificate,
  'port-classification-ip': portClassificationIp,
  'ssl-certificate-hostname': sslCertificateHostname,
};
