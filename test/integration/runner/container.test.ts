import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { beforeAll, expect, it } from 'vitest';
import { runContainer } from '../../../src-main/runner/container';
import { ensureImage } from '../../../src-main/runner/images';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();
const echoDir = fileURLToPath(new URL('../../fixtures/images/echo', import.meta.url));

async function gone(docker: Docker, id: string): Promise<boolean> {
  return docker
    .getContainer(id)
    .inspect()
    .then(
      () => false,
      (e: { statusCode?: number }) => e.statusCode === 404,
    );
}

describeWithEngine('runContainer (real engine)', missing, () => {
  let image: string;
  let docker: Docker;

  beforeAll(async () => {
    docker = engine!.docker;
    await ensureBaseImage(docker);
    image = (await ensureImage(docker, { contextDir: echoDir, pluginId: 'test-echo', version: '1' })).image;
  }, BASE_IMAGE_TIMEOUT_MS);

  it('passes the input in and brings the output files back with their mime types', async () => {
    const r = await runContainer(docker, { image, input: { name: 'kattegat', settings: { x: 1 } }, limits: { timeoutSeconds: 60 } });
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    const byName = Object.fromEntries(r.files.map((f) => [f.name, f]));
    expect(Object.keys(byName).sort()).toEqual(['echo.json', 'greeting.txt']);
    expect(byName['greeting.txt']!.content.toString()).toBe('hello kattegat\n');
    expect(byName['greeting.txt']!.mimeTypes).toEqual(['text/plain', 'kat/echo-greeting']);
    expect(JSON.parse(byName['echo.json']!.content.toString())).toEqual({ echoed: { name: 'kattegat', settings: { x: 1 } }, by: 'echo' });
    expect(byName['echo.json']!.mimeTypes).toEqual(['application/json']);
    expect(r.stdout).toBe('echo: wrote 2 files for kattegat\n');
    expect(r.stderr).toBe('echo: a line on stderr\n');
    expect(await gone(docker, r.containerId)).toBe(true);
  });

  it('applies the limits and drops every privilege', async () => {
    let inspected: Docker.ContainerInspectInfo | undefined;
    const r = await runContainer(docker, {
      image,
      cmd: ['sh', '-c', 'id -u; grep -E "^(CapEff|CapPrm|NoNewPrivs)" /proc/self/status; touch /probe 2>/dev/null && echo root-writable || echo root-read-only; touch /tmp/ok && echo tmp-writable'],
      limits: { memoryMb: 128, cpus: 0.5, pids: 32, timeoutSeconds: 60 },
      onCreated: async (c) => {
        inspected = await c.inspect();
      },
    });
    const hc = inspected!.HostConfig;
    expect(hc.ReadonlyRootfs).toBe(true);
    expect(hc.Privileged).toBe(false);
    expect(hc.Memory).toBe(128 * 1024 * 1024);
    expect(hc.NanoCpus).toBe(500_000_000);
    expect(hc.PidsLimit).toBe(32);
    expect(hc.SecurityOpt).toContain('no-new-privileges');
    expect(hc.CapAdd ?? []).toEqual([]);
    // Docker echoes ['ALL']; podman lists every capability it dropped
    expect(((hc.CapDrop ?? []) as string[]).some((c: string) => /^(CAP_)?(ALL|NET_RAW)$/.test(c))).toBe(true);
    // podman adds /run and /var/tmp tmpfs to every read-only container as well
    expect(Object.keys(hc.Tmpfs ?? {})).toEqual(expect.arrayContaining(['/out', '/tmp']));
    expect(hc.Tmpfs!['/tmp']).toContain('size=64m');
    expect(inspected!.Config.User).toBe('65534:65534');

    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('65534');
    expect(r.stdout).toMatch(/CapEff:\s+0000000000000000/);
    expect(r.stdout).toMatch(/CapPrm:\s+0000000000000000/);
    expect(r.stdout).toMatch(/NoNewPrivs:\s+1/);
    expect(r.stdout).toContain('root-read-only');
    expect(r.stdout).toContain('tmp-writable');
    expect(await gone(docker, r.containerId)).toBe(true);
  });

  it('adds back only the capabilities asked for', async () => {
    const r = await runContainer(docker, { image, cmd: ['grep', '-E', '^Cap(Bnd|Eff)', '/proc/self/status'], capAdd: ['NET_BIND_SERVICE'] });
    expect(r.exitCode).toBe(0);
    // NET_BIND_SERVICE is capability 10: bit 0x400, and nothing else in the bounding set
    expect(r.stdout).toMatch(/CapBnd:\s+0000000000000400/);
  });

  it('reports a non-zero exit code with the output it made', async () => {
    const r = await runContainer(docker, { image, cmd: ['sh', '-c', 'echo partial > "$KAT_OUTPUT_DIR/p.txt"; echo failing >&2; exit 7'], defaultMimeTypes: ['text/plain'] });
    expect(r.exitCode).toBe(7);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('failing\n');
    expect(r.files).toEqual([{ name: 'p.txt', mimeTypes: ['text/plain'], content: Buffer.from('partial\n') }]);
  });

  it('kills a container that runs past its timeout, says so, and removes it', async () => {
    const r = await runContainer(docker, { image, cmd: ['sh', '-c', 'echo started; sleep 120'], limits: { timeoutSeconds: 2 } });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.error).toMatchObject({ code: 'RUN_TIMEOUT' });
    expect(r.error!.message).toContain('2 s');
    expect(r.stdout).toContain('started');
    expect(r.files).toEqual([]);
    expect(await gone(docker, r.containerId)).toBe(true);
  });

  it('kills and removes the container when the caller aborts', async () => {
    const ac = new AbortController();
    const r = await runContainer(docker, {
      image,
      cmd: ['sleep', '120'],
      limits: { timeoutSeconds: 300 },
      signal: ac.signal,
      onCreated: () => {
        setTimeout(() => ac.abort(), 300);
      },
    });
    expect(r.error).toMatchObject({ code: 'CANCELLED' });
    expect(r.exitCode).toBeNull();
    expect(await gone(docker, r.containerId)).toBe(true);
  });

  it('says IMAGE_NOT_FOUND for an image that was never built', async () => {
    await expect(runContainer(docker, { image: 'kattegat/never-built:0', cmd: ['true'] })).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
  });
});
