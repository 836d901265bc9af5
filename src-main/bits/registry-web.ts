import type { BitFn } from './types';
import { urlClassification } from '../../plugins/bits/url-classification/bit';
import { urlDiscovery } from '../../plugins/bits/url-discovery/bit';
import { websiteDiscovery } from '../../plugins/bits/website-discovery/bit';
import { resourceDiscovery } from '../../plugins/bits/resource-discovery/bit';
import { ooisInHeaders } from '../../plugins/bits/oois-in-headers/bit';
import { missingHeaders } from '../../plugins/bits/missing-headers/bit';
import { checkHstsHeader } from '../../plugins/bits/check-hsts-header/bit';
import { checkCspHeader } from '../../plugins/bits/check-csp-header/bit';
import { httpsAvailability } from '../../plugins/bits/https-availability/bit';
import { httpsRedirect } from '../../plugins/bits/https-redirect/bit';
import { checkCve202141773 } from '../../plugins/bits/check_cve_2021_41773/bit';

export const WEB_BITS: Readonly<Record<string, BitFn>> = {
  'url-classification': urlClassification,
  'url-discovery': urlDiscovery,
  'website-discovery': websiteDiscovery,
  'resource-discovery': resourceDiscovery,
  'oois-in-headers': ooisInHeaders,
  'missing-headers': missingHeaders,
  'check-hsts-header': checkHstsHeader,
  'check-csp-header': checkCspHeader,
  'https-availability': httpsAvailability,
  'https-redirect': httpsRedirect,
  check_cve_2021_41773: checkCve202141773,
};
