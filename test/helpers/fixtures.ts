/**
 * Normalizer fixtures are real boefje output. The boefje integration tests capture them: run with
 * KAT_WRITE_FIXTURES=1 and they (re)write plugins/normalizers/<id>/fixtures/<name> plus
 * <name>.input.json (the object the boefje ran on); the unit tests read them back.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { OOI } from '../../src-main/graph/model';
import { pluginDir } from './boefje';

export function writeFixture(normalizer: string, name: string, content: Buffer, input: OOI): void {
  if (process.env.KAT_WRITE_FIXTURES !== '1') return;
  const dir = `${pluginDir('normalizers', normalizer)}/fixtures`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, content);
  writeFileSync(`${dir}/${name}.input.json`, JSON.stringify(input, null, 2) + '\n');
}

export function readFixture(normalizer: string, name: string): { raw: Uint8Array; input: OOI } {
  const dir = `${pluginDir('normalizers', normalizer)}/fixtures`;
  return { raw: readFileSync(`${dir}/${name}`), input: JSON.parse(readFileSync(`${dir}/${name}.input.json`, 'utf8')) as OOI };
}
