import { describe, expect, it } from 'vitest';
import { bit, findingIds } from '../../helpers/bits';
import { header, resource } from './web-fixtures';

const res = resource('https');
const run = (value: string, key = 'server') => bit('check_cve_2021_41773', header(res, key, value));

describe('bit check_cve_2021_41773', () => {
  it.each(['Apache/2.4.49 (Unix)', 'apache/2.4.50', 'Apache/2.4.49'])('reports %s on the resource', (value) => {
    const out = run(value);
    expect(findingIds(out)).toEqual(['CVE-2021-41773']);
    expect(out[0]!.data.ooi).toBe(res.pk);
    expect(out[0]!.data.finding_type).toBe('CVEFindingType|CVE-2021-41773');
  });

  it.each(['Apache/2.4.48', 'Apache/2.4.51 (Debian)', 'Apache/2.4.490', 'Apache/2.4.49.1', 'Apache', 'nginx/2.4.49', ''])('ignores %s', (value) => {
    expect(run(value)).toEqual([]);
  });

  it('reads only the Server header, whatever its case', () => {
    expect(findingIds(run('Apache/2.4.50', 'Server'))).toEqual(['CVE-2021-41773']);
    expect(run('Apache/2.4.50', 'x-powered-by')).toEqual([]);
  });
});
