/**
 * The task runner against the real engine (podman's Docker API in CI): a boefje task builds its
 * image from the plugin folder, runs locked down with the serialised input and settings, and its
 * files become raw files; a boefje that sleeps past its timeout is killed and its task fails; an
 * image whose build fails fails its task with the build log.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();
const pluginsDir = fileURLToPath(new URL('../../fixtures/plugins/runner', import.meta.url));
const HOST = 'Hostname|internet|runner.example.test';

describeWithEngine('task runner (real engine)', missing, () => {
  let kat: TestKat;

  beforeAll(async () => {
    await ensureBaseImage(engine!.docker);
    kat = await testKat({ pluginsDir, engine: { socket: engine!.socket }, runner: { concurrency: 3 } });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'test' });
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    for (const id of ['test-echo', 'test-sleepy', 'test-broken']) await kat.api('plugins.enable', { org: 'acme', id, enabled: true });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'test-echo', settings: { greeting: 'hoi', token: 's3cret-value' } });
  }, BASE_IMAGE_TIMEOUT_MS);

  afterAll(async () => {
    await kat?.close();
  });

  it('runs every eligible boefje: output stored, a timeout killed, a broken build reported', async () => {
    const { queued } = await kat.api('scans.now', { org: 'acme', pks: [HOST] });
    expect(queued.map((t) => t.pluginId).sort()).toEqual(['test-broken', 'test-echo', 'test-sleepy']);
    await kat.runner.idle();
    const byPlugin = Object.fromEntries(await Promise.all(queued.map(async (t) => [t.pluginId, await kat.api('tasks.get', { org: 'acme', id: t.id })])));

    const echo = byPlugin['test-echo'];
    expect(echo).toMatchObject({ status: 'completed', exitCode: 0, outputCount: 2, inputLevel: 1, error: null });
    expect(echo.stdout).toContain('test-echo: done for runner.example.test');
    const files = Object.fromEntries(echo.rawFiles.map((f: { fileName: string; id: string; mimeTypes: string[] }) => [f.fileName, f]));
    expect(files['greeting.txt'].mimeTypes).toEqual(['text/x-test-echo', 'boefje/test-echo']);
    const greeting = await kat.api('raw.get', { org: 'acme', id: files['greeting.txt'].id });
    expect(greeting.content).toBe('hoi runner.example.test\n');
    const facts = await kat.api('raw.get', { org: 'acme', id: files['facts.txt'].id });
    // nobody, read-only root, and the secret reached the container (but is never stored in the task)
    expect(facts.content).toBe('uid=65534 readonly_root=yes token_set=yes\n');
    expect(JSON.stringify(echo)).not.toContain('s3cret-value');

    const sleepy = byPlugin['test-sleepy'];
    expect(sleepy).toMatchObject({ status: 'failed', exitCode: null, error: { code: 'RUN_TIMEOUT' } });
    expect(sleepy.error.message).toContain('2 s');
    expect(sleepy.durationMs).toBeLessThan(60_000);

    const broken = byPlugin['test-broken'];
    expect(broken).toMatchObject({ status: 'failed', error: { code: 'IMAGE_BUILD_FAILED' } });
    expect(broken.stderr).toContain('test-broken: the build step fails now');

    // no container is left behind
    const left = await engine!.docker.listContainers({ all: true, filters: { label: ['org.kattegat.task'] } });
    expect(left).toEqual([]);
  }, 10 * 60 * 1000);
});
