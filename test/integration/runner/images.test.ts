import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { BASE_IMAGE, imageExists } from '../../../src-main/runner/base-image';
import { ensureImage, imageTag, removeImage } from '../../../src-main/runner/images';
import { RunnerError } from '../../../src-main/runner/errors';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/images/${name}`, import.meta.url));

describeWithEngine('plugin images (real engine)', missing, () => {
  beforeAll(async () => {
    await ensureBaseImage(engine!.docker);
  }, BASE_IMAGE_TIMEOUT_MS);

  it('has the base image', async () => {
    expect(await imageExists(engine!.docker, BASE_IMAGE)).toBe(true);
  });

  it('builds a plugin image FROM the base image, and reuses it while the folder is unchanged', async () => {
    const docker = engine!.docker;
    await removeImage(docker, imageTag('test-echo-build', '1'));
    const lines: string[] = [];
    const first = await ensureImage(docker, { contextDir: fixture('echo'), pluginId: 'test-echo-build', version: '1', onLog: (l) => lines.push(l) });
    expect(first).toMatchObject({ image: 'kattegat/test-echo-build:1', built: true });
    expect(lines.join('\n')).toMatch(/COPY echo.sh/);
    const info = await docker.getImage(first.image).inspect();
    expect(info.Config.Labels?.['org.kattegat.plugin']).toBe('test-echo-build');
    const second = await ensureImage(docker, { contextDir: fixture('echo'), pluginId: 'test-echo-build', version: '1' });
    expect(second.built).toBe(false);
    await removeImage(docker, first.image);
  });

  it('reports a failing build as IMAGE_BUILD_FAILED with the build log', async () => {
    const err = await ensureImage(engine!.docker, { contextDir: fixture('broken'), pluginId: 'test-broken', version: '1' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RunnerError);
    const e = err as RunnerError;
    expect(e.code).toBe('IMAGE_BUILD_FAILED');
    expect(e.message).toContain('kattegat/test-broken:1');
    expect(String(e.details?.log)).toContain('kat-broken: about to fail');
    expect(String(e.details?.log)).toMatch(/exit status 3|exit code 3|returned a non-zero code: 3/);
    expect(await imageExists(engine!.docker, 'kattegat/test-broken:1')).toBe(false);
  });

  it('refuses to build against a missing local base image, saying how to prepare it', async () => {
    const err = await ensureImage(engine!.docker, { contextDir: fixture('echo'), pluginId: 'test-echo-nobase', version: '1', baseImage: 'localhost/kattegat-missing:none' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'IMAGE_BUILD_FAILED' });
    expect((err as Error).message).toContain('npm run images');
  });
});
