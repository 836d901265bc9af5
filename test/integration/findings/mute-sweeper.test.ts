import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/common/logger';
import { MuteService, type Timers } from '../../../src-main/findings/mutes';
import { testKat, type TestKat } from '../../helpers/kat';
import { F, seedFindings } from './fixture';

/** Timers that only record: the test fires them by hand, so nothing waits on real time. */
class RecordingTimers implements Timers {
  armed: { fn: () => Promise<void>; ms: number; cleared: boolean }[] = [];
  set(fn: () => Promise<void>, ms: number) {
    const t = { fn, ms, cleared: false };
    this.armed.push(t);
    return t;
  }
  clear(h: unknown) {
    if (h) (h as { cleared: boolean }).cleared = true;
  }
  get current() {
    return this.armed.filter((t) => !t.cleared).at(-1);
  }
}

let kat: TestKat;
let timers: RecordingTimers;
let sweeper: MuteService;
beforeAll(async () => {
  kat = await testKat({ mutes: { start: false } });
  await seedFindings(kat);
  timers = new RecordingTimers();
  sweeper = new MuteService({ db: kat.db, graph: kat.graph, clock: kat.clock, log: silentLogger, timers });
  kat.subscribe(sweeper.onEvent);
  sweeper.start();
});
afterAll(async () => {
  sweeper.stop();
  await kat.close();
});

const HOUR = 60 * 60 * 1000;
const mutedOnly = async () => (await kat.api('findings.list', { org: 'acme', muted: 'only' })).items.map((i) => i.pk);

describe('the mute sweeper', () => {
  it('sleeps an hour when nothing expires, wakes exactly at the next expiry, lifts it and re-arms', async () => {
    await sweeper.arm();
    expect(timers.current!.ms).toBe(HOUR);

    const t0 = kat.clock.now().getTime();
    await kat.api('findings.mute', { org: 'acme', pks: [F.csp], reason: 'a', expiresAt: new Date(t0 + 30 * 60 * 1000).toISOString() });
    await kat.api('findings.mute', { org: 'acme', pks: [F.hsts], reason: 'b', expiresAt: new Date(t0 + 10 * 60 * 1000).toISOString() });
    await kat.api('findings.mute', { org: 'acme', pks: [F.port], reason: 'c' });
    await kat.outbox.dispatch();
    await sweeper.arm(); // the event re-armed it already; arming again is idempotent
    expect(timers.current!.ms).toBe(10 * 60 * 1000);
    expect(sweeper.armedFor!.toISOString()).toBe(new Date(t0 + 10 * 60 * 1000).toISOString());
    expect((await mutedOnly()).sort()).toEqual([F.csp, F.hsts, F.port].sort());

    // the timer fires at its time on the fake clock
    kat.clock.advance(10 * 60 * 1000);
    await timers.current!.fn();
    expect((await mutedOnly()).sort()).toEqual([F.csp, F.port].sort());
    expect(timers.current!.ms).toBe(20 * 60 * 1000);

    kat.clock.advance(20 * 60 * 1000);
    await timers.current!.fn();
    expect(await mutedOnly()).toEqual([F.port]);
    expect(timers.current!.ms).toBe(HOUR); // only the permanent mute is left
  });

  it('stops: no timer left armed', () => {
    sweeper.stop();
    expect(timers.current).toBeUndefined();
    expect(sweeper.armedFor).toBeNull();
  });
});
