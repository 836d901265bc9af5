/** Small builders shared by bits. Pure. */
import { normalizeObject, type OOI } from '../graph/model';

/** The KAT finding `findingTypeId` (e.g. 'KAT-NO-HSTS') on the object `ooiPk`. */
export function katFinding(ooiPk: string, findingTypeId: string, description?: string, proof?: string): OOI {
  return finding(ooiPk, `KATFindingType|${findingTypeId}`, description, proof);
}

/** A CVE finding (e.g. 'CVE-2021-41773') on the object `ooiPk`. */
export function cveFinding(ooiPk: string, cveId: string, description?: string, proof?: string): OOI {
  return finding(ooiPk, `CVEFindingType|${cveId.toUpperCase()}`, description, proof);
}

/** A finding of any finding type, given the finding type's primary key. */
export function finding(ooiPk: string, findingTypePk: string, description?: string, proof?: string): OOI {
  return normalizeObject('Finding', { ooi: ooiPk, finding_type: findingTypePk, description, proof });
}

/** The value of a header, case-insensitively, from a list of HTTPHeader objects (undefined when absent). */
export function headerValue(headers: readonly OOI[], name: string): string | undefined {
  const want = name.toLowerCase();
  for (const h of headers) if (String(h.data.key).toLowerCase() === want) return String(h.data.value ?? '');
  return undefined;
}
