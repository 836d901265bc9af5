import { describe, expect, it } from 'vitest';
import { engineCandidates, probeEngine } from '../../../src-main/runner/engine';
import { describeWithEngine, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();

describe('engine discovery', () => {
  it('prefers an explicit socket, then DOCKER_HOST, then the default sockets', () => {
    expect(engineCandidates({ socket: '/x.sock', env: { DOCKER_HOST: 'unix:///y.sock' } }).map((c) => c.label)).toEqual(['unix:///x.sock']);
    expect(engineCandidates({ env: { DOCKER_HOST: 'unix:///y.sock' } }).map((c) => c.label)).toEqual(['unix:///y.sock']);
    expect(engineCandidates({ env: { DOCKER_HOST: 'tcp://10.0.0.1:2375' } })[0]!.options).toMatchObject({ host: '10.0.0.1', port: 2375, protocol: 'http' });
    expect(engineCandidates({ env: { XDG_RUNTIME_DIR: '/run/user/1000' } }).map((c) => c.label)).toEqual([
      'unix:///var/run/docker.sock',
      'unix:///run/kat-podman.sock',
      'unix:///run/user/1000/podman/podman.sock',
      'unix:///run/podman/podman.sock',
    ]);
  });

  it('reports a bogus socket as unavailable with a hint instead of throwing', async () => {
    const probe = await probeEngine({ socket: '/nonexistent/kat-test.sock' });
    expect(probe.available).toBe(false);
    if (probe.available) return;
    expect(probe.tried).toEqual(['unix:///nonexistent/kat-test.sock']);
    expect(probe.reason).toContain('/nonexistent/kat-test.sock');
    expect(probe.hint).toMatch(/podman system service/);
    expect(probe.hint).toMatch(/Docker/);
  });
});

describeWithEngine('engine probe (real engine)', missing, () => {
  it('finds the engine and its version', async () => {
    const probe = await probeEngine({ socket: engine!.socket });
    expect(probe).toMatchObject({ available: true, socket: engine!.socket });
    if (!probe.available) return;
    expect(probe.version).toMatch(/^\d+\.\d+/);
    expect(['docker', 'podman']).toContain(probe.flavour);
  });
});
