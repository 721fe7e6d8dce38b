import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BikesMinute, RiverMinute } from '@cbo/contracts';
import type { TickResult } from '../pipeline/traffic-pipeline';
import { attachDomainRecorder, summariseDomains } from './domain-minutes';
import { createHistoryKit, type HistoryKit } from './history-test-kit';
import { summariseDay } from './history-days';
import { DOMAIN_STREAM, type EventRecord } from './history-store';

const T0 = Date.UTC(2026, 0, 15, 2, 0, 0);
const DAY = { from: Date.UTC(2026, 0, 14, 16), to: Date.UTC(2026, 0, 15, 16) };
const kits: HistoryKit[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const k of kits.splice(0)) await k.db.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function kit(): Promise<HistoryKit> {
  const k = await createHistoryKit(60_000, T0);
  kits.push(k);
  return k;
}

function river(at: number, colours: Partial<RiverMinute['gaugesByColour']>, classes: number[]): RiverMinute {
  return {
    at,
    gauges: [],
    stations: classes.map((c, i) => ({ stationId: `s${i}`, waterClass: c as 1 })),
    gaugesByColour: { none: 0, blue: 0, yellow: 0, orange: 0, red: 0, ...colours },
    stationsByClass: [0, 0, 0, 0, 0, 0],
    stationsUnknownClass: 0,
    events24h: at === T0 ? 1 : 3,
  };
}

function bikes(at: number, inNoParking: number, unpermitted: number, saturatedZones: number): BikesMinute {
  const network = { fleet: 10, parked: 8, inUse: 2, rideRate: 0.2, inNoParking, unpermitted };
  return { at, network, operators: [{ operatorId: 'a', ...network }], saturatedZones };
}

function event(seq: number, kind: string, payload: RiverMinute | BikesMinute): EventRecord {
  return { seq, at: payload.at, stream: DOMAIN_STREAM, kind, payload };
}

describe('domain minutes', () => {
  it('summarises the worst colour with its most gauges, the worst class and the peaks', () => {
    const summary = summariseDomains([
      event(1, 'river', river(T0, { yellow: 3, blue: 1 }, [2, 4])),
      event(2, 'bikes', bikes(T0, 5, 0, 2)),
      event(3, 'river', river(T0 + 60_000, { orange: 1, yellow: 4 }, [6, 3])),
      event(4, 'river', river(T0 + 120_000, { orange: 2 }, [3])),
      event(5, 'bikes', bikes(T0 + 60_000, 2, 7, 1)),
    ]);
    expect(summary).toEqual({
      river: { worstColour: 'orange', gaugesAtWorst: 2, worstWaterClass: 6, pollutionEvents: 3 },
      bikes: { peakInNoParking: 5, peakUnpermitted: 7, peakSaturatedZones: 2 },
    });
  });

  it('has no river or bike figures without recorded minutes', () => {
    expect(summariseDomains([])).toEqual({ river: null, bikes: null });
  });

  it('records one snapshot per domain on the first tick of each minute', () => {
    const listeners: ((result: TickResult) => void)[] = [];
    const recorded: [string, string, number][] = [];
    attachDomainRecorder({
      pipeline: { onTick: (l) => (listeners.push(l), () => undefined) },
      recorder: { recordEvent: (stream, kind, at) => void recorded.push([stream, kind, at]) },
      bikes: (at) => ({
        computedAt: at,
        network: { ...bikes(at, 0, 0, 0).network, faulty: 0, reserved: 0 },
        districts: [],
        operators: [],
        zones: [],
        stations: { total: 0, empty: 0, full: 0, emptySoon: 0, fullSoon: 0 },
        feeds: [],
        wire: { origin: [0, 0], operators: [] },
      }),
    });
    for (const at of [T0 + 58_000, T0 + 59_000, T0 + 60_000, T0 + 61_000])
      listeners[0]!({ now: { computedAt: at } } as TickResult);
    expect(recorded).toEqual([
      [DOMAIN_STREAM, 'bikes', T0 + 58_000],
      [DOMAIN_STREAM, 'bikes', T0 + 60_000],
    ]);
  });

  it('keeps domain snapshots out of events and answers the newest of each kind', async () => {
    const k = await kit();
    k.recorder.recordEvent('alert', 'raised', T0, { key: 'a' });
    k.recorder.recordEvent(DOMAIN_STREAM, 'river', T0, river(T0, {}, []));
    k.recorder.recordEvent(DOMAIN_STREAM, 'river', T0 + 60_000, river(T0 + 60_000, {}, []));
    k.recorder.recordEvent(DOMAIN_STREAM, 'bikes', T0, bikes(T0, 1, 1, 1));
    await k.recorder.flush();
    expect((await k.store.events(DAY)).map((e) => e.stream)).toEqual(['alert']);
    expect((await k.store.domainEvents(DAY)).length).toBe(3);
    const latest = await k.store.latestDomainEvents({ from: DAY.from, to: T0 + 60_001 });
    expect(latest.map((e) => [e.kind, e.at])).toEqual([
      ['bikes', T0],
      ['river', T0 + 60_000],
    ]);
  });

  it('carries the domain snapshots through a Parquet export and import', async () => {
    const source = await kit();
    source.tickWith(T0, [[0, 40]]);
    source.recorder.recordEvent(DOMAIN_STREAM, 'river', T0, river(T0, { red: 1 }, [5]));
    source.recorder.recordEvent(DOMAIN_STREAM, 'bikes', T0, bikes(T0, 4, 2, 1));
    await source.recorder.flush();
    const dir = await mkdtemp(join(tmpdir(), 'cbo-domains-'));
    dirs.push(dir);
    const path = join(dir, 'day.parquet');
    await source.store.exportParquet(DAY, path);
    const target = await kit();
    await target.store.importParquet(path);
    const strip = (events: EventRecord[]) =>
      events.map(({ at, stream, kind, payload }) => ({ at, stream, kind, payload }));
    expect(strip(await target.store.domainEvents(DAY))).toEqual(strip(await source.store.domainEvents(DAY)));
    expect((await summariseDay(target.store, '2026-01-15', 'Asia/Shanghai')).bikes).toEqual({
      peakInNoParking: 4,
      peakUnpermitted: 2,
      peakSaturatedZones: 1,
    });
  });

  it('deletes domain snapshots with the day they belong to', async () => {
    const k = await kit();
    k.recorder.recordEvent(DOMAIN_STREAM, 'river', T0, river(T0, {}, []));
    await k.recorder.flush();
    await k.store.deleteRange(DAY);
    expect(await k.store.domainEvents(DAY)).toEqual([]);
  });

  it('imports an archive written before domain snapshots existed, with no river or bike figures', async () => {
    const k = await kit();
    const imported = await k.store.importParquet('fixtures/history/hangzhou-2026-01-17.parquet');
    expect(imported.frames).toBeGreaterThan(0);
    const summary = await summariseDay(k.store, '2026-01-17', 'Asia/Shanghai');
    expect(summary).toEqual(expect.objectContaining({ river: null, bikes: null }));
    expect(summary.peakDelayIndex).not.toBeNull();
  });
});
