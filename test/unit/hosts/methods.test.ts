import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-main/api/contract';
import { isMethodName, METHOD_NAMES } from '../../../src-main/api/methods';

describe('api/methods', () => {
  it('lists exactly the contract methods, in order', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract));
  });
  it('recognises only contract names', () => {
    expect(isMethodName('system.info')).toBe(true);
    for (const m of ['toString', 'constructor', '__proto__', '', 1, null]) expect(isMethodName(m)).toBe(false);
  });
});
