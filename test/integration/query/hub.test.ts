import { afterAll, beforeAll, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat();
});
afterAll(async () => {
  await kat.close();
});

it('caps the incoming references of a hub object and says how many there are', async () => {
  const csv = Array.from({ length: 1005 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join('\n');
  const r = await kat.api('objects.importCsv', { org: 'acme', csv });
  expect(r.ok).toBe(1005);
  const hub = await kat.api('objects.get', { org: 'acme', pk: 'Network|internet' });
  expect(hub.refsIn).toHaveLength(1000);
  expect(hub.refsInTotal).toBe(1005);
  expect(hub.refsIn[0]).toMatchObject({ attr: 'network', sourceType: 'IPAddressV4' });
});
