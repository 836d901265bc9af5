import { describe, expect, it } from 'vitest';
import { splitBatchOutput } from '../../../src-main/runner/batch';

const file = (name: string) => ({ name, mimeTypes: ['boefje/x'], content: Buffer.from(name) });

describe('runner/batch: splitting a multi-input run by task folder', () => {
  it('gives every task the files of its folder, names relative to it; the rest is stray', () => {
    const { byTask, stray } = splitBatchOutput([file('a/x.xml'), file('a/sub/y.txt'), file('b/x.xml'), file('top.txt'), file('c/z'), file('a/'), file('/a/x')], ['a', 'b', 'd']);
    expect(byTask.get('a')!.map((f) => [f.name, f.content.toString()])).toEqual([['x.xml', 'a/x.xml'], ['sub/y.txt', 'a/sub/y.txt']]);
    expect(byTask.get('b')!.map((f) => f.name)).toEqual(['x.xml']);
    expect(byTask.get('d')).toEqual([]);
    // a folder of no task of this run (c), a file at the top, an empty name, an absolute path
    expect(stray).toEqual(['top.txt', 'c/z', 'a/', '/a/x']);
  });
});
