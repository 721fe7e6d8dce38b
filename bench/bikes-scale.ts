import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { City } from '@cbo/city';
import { parseBikeFixture } from '@cbo/city';
import { buildSimGbfsDocument, createBikeSim } from '@cbo/sim';
import { createBikeService, resolveConfigPath } from '@cbo/server';
import { decodeBikeFrame } from '@cbo/wire';

/** Figures of the 300,000-bike run. */
export interface BikesScale {
  bikes: number;
  rounds: number;
  /** Vehicle reports ingested per second of server work (parse + validate + normalise + apply + delta encode). */
  obsPerSec: number;
  /** Observations per second the load needs: 300,000 bikes every 30 s. */
  requiredObsPerSec: number;
  /** obsPerSec / requiredObsPerSec (wall time: conservative on a shared machine). */
  ratio: number;
  /** Vehicle reports per CPU second of the process (user + system) over the same work. */
  obsPerCpuSec: number;
  /** Mean share of bikes changed per 30-s round. */
  changedShare: number;
  /** Delta frame bytes / changed bikes. */
  frameBytesPerChanged: number;
  /** Snapshot frame bytes per bike. */
  snapshotBytesPerBike: number;
}

const REPORT_EVERY_MS = 30_000;

/**
 * 300,000 simulated dockless bikes in Hangzhou at the morning peak, every bike reporting every 30 s as GBFS 3.0
 * `vehicle_status` documents of three operators (JSON text, generated outside the measurement: a feed is not
 * server work). Per round, the documents are parsed, validated, normalised and applied, and the delta frame of
 * the changed bikes is encoded once (as the gateway does for the room). The baseline is the required rate.
 */
export function measureBikesScale(city: City, bikes = 300_000, rounds = 3): BikesScale {
  const dir = resolveConfigPath('fixtures/hangzhou');
  const read = (name: string): unknown => JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
  const { fixture } = parseBikeFixture({
    stations: read('bike-stations.geojson'),
    zones: read('bike-zones.geojson'),
    operators: read('bike-operators.json'),
  });
  const sim = createBikeSim({ fixture, fleetSize: bikes, seed: 1, utcOffsetMinutes: 480 });
  const service = createBikeService({ city, fixture });
  const startAt = Date.UTC(2026, 0, 14, 0, 0); // 08:00 in Hangzhou, a Wednesday
  const documents = (at: number): { systemId: string; text: string }[] =>
    sim.operators.map((o) => ({
      systemId: o.id,
      text: JSON.stringify(
        buildSimGbfsDocument(sim, fixture, { systemId: o.id, file: 'vehicle_status', at, baseUrl: '' }),
      ),
    }));
  const ingest = (round: { systemId: string; text: string }[], at: number): number => {
    let n = 0;
    for (const { systemId, text } of round)
      n += service.ingestDocument(`sim-${systemId}`, 'vehicle_status', JSON.parse(text), at).records;
    return n;
  };
  for (const o of sim.operators)
    service.ingestDocument(
      `sim-${o.id}`,
      'system_information',
      buildSimGbfsDocument(sim, fixture, {
        systemId: o.id,
        file: 'system_information',
        at: startAt,
        baseUrl: '',
      }),
      startAt,
    );
  ingest(documents(startAt), startAt);
  const snapshot = service.state.fleet.snapshotFrame(startAt);
  service.state.fleet.takeDeltaFrame(startAt);
  let workMs = 0;
  let cpuUs = 0;
  let observations = 0;
  let changed = 0;
  let deltaBytes = 0;
  for (let r = 1; r <= rounds; r++) {
    const at = startAt + r * REPORT_EVERY_MS;
    const round = documents(at);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    observations += ingest(round, at);
    const delta = service.state.fleet.takeDeltaFrame(at);
    workMs += performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    cpuUs += cpu.user + cpu.system;
    if (delta) {
      deltaBytes += delta.byteLength;
      changed += decodeBikeFrame(delta).indices.length;
    }
  }
  const obsPerSec = observations / (workMs / 1000);
  const requiredObsPerSec = bikes / (REPORT_EVERY_MS / 1000);
  return {
    bikes,
    rounds,
    obsPerSec,
    requiredObsPerSec,
    ratio: obsPerSec / requiredObsPerSec,
    obsPerCpuSec: observations / (cpuUs / 1e6),
    changedShare: changed / (bikes * rounds),
    frameBytesPerChanged: changed === 0 ? 0 : deltaBytes / changed,
    snapshotBytesPerBike: snapshot.byteLength / bikes,
  };
}

/** Rows of `pnpm bench` for the bike figures. */
export function bikesScaleRows(
  scale: BikesScale,
): { metric: string; value: string; goal: string; met: boolean | null }[] {
  const n = (value: number, digits = 0): string =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return [
    {
      metric: `(j) bikes ingested, obs/s wall / per CPU s (${n(scale.bikes)} bikes / 30 s, GBFS 3.0 JSON)`,
      value: `${n(scale.obsPerSec)} / ${n(scale.obsPerCpuSec)}`,
      goal: '',
      met: null,
    },
    {
      metric: '(j) ratio bikes obs/s / required 10,000',
      value: n(scale.ratio, 2),
      goal: '>= 1',
      met: scale.ratio >= 1,
    },
    {
      metric: '(j) bikes changed per 30 s / delta bytes per changed bike',
      value: `${n(scale.changedShare * 100, 1)}% / ${n(scale.frameBytesPerChanged, 2)}`,
      goal: '<= 10 B',
      met: scale.frameBytesPerChanged <= 10,
    },
    {
      metric: '(j) bike snapshot bytes per bike',
      value: n(scale.snapshotBytesPerBike, 2),
      goal: '',
      met: null,
    },
  ];
}
