import type { LngLat, PollutionEvent, PollutionEventKind, RiverCamera } from '@cbo/contracts';
import { POLLUTION_EVENT_KINDS } from '@cbo/contracts';
import { uniform4 } from '../hash';
import { poissonFromUniform } from './rain-storms';

/**
 * Mean events per camera per day by kind, before `eventRateScale`. About 0.46 a camera a day, so the
 * fixture's 27 cameras see a dozen cases a day, mostly litter.
 */
export const EVENTS_PER_CAMERA_PER_DAY: Readonly<Record<PollutionEventKind, number>> = {
  'sewage-dumping': 0.03,
  littering: 0.25,
  washing: 0.12,
  'throwing-objects': 0.06,
};

/** Relative weight of each local hour 0..23 by kind: dumping at night, washing early morning and evening. */
const HOUR_WEIGHTS: Readonly<Record<PollutionEventKind, readonly number[]>> = {
  'sewage-dumping': [
    3, 3, 3, 3, 2, 1, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 1, 1.5, 2, 3,
  ],
  littering: [
    0.1, 0.1, 0.05, 0.05, 0.05, 0.2, 0.5, 1, 1.2, 1, 1, 1.2, 1.3, 1.2, 1, 1, 1.1, 1.3, 1.4, 1.3, 1, 0.7, 0.4,
    0.2,
  ],
  washing: [0, 0, 0, 0, 0, 0.5, 2, 2.5, 2, 1, 0.5, 0.3, 0.3, 0.3, 0.5, 0.8, 1.2, 1.8, 1.8, 1, 0.4, 0.1, 0, 0],
  'throwing-objects': [
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1, 1, 1, 1.1, 1.1, 1, 1, 1.1, 1.2, 1.3, 1.4, 1.4, 1.2, 0.9, 0.6,
    0.3,
  ],
};
const HOUR_MS = 3_600_000;
const STREAM_EVENTS = 0x9e01;
/** How far from its camera an event may be, metres. */
const MAX_OFFSET_M = 25;

const shareOfHour = (kind: PollutionEventKind, hour: number): number => {
  const weights = HOUR_WEIGHTS[kind];
  const total = weights.reduce((a, b) => a + b, 0);
  return (weights[hour] as number) / total;
};

/**
 * The events one camera sees in one UTC hour slot (`slot = floor(t / 1 h)`), a pure function of
 * (seed, camera index, slot): per kind a Poisson count with mean rate x share of the local hour x scale, each at
 * a uniform time in the hour, up to 25 m from the camera, with confidence 0.70-0.98. The evidence reference
 * names a face-blurred clip of the camera; no person is identified.
 */
export function cameraEventsInSlot(
  seed: number,
  camera: RiverCamera,
  cameraIndex: number,
  slot: number,
  utcOffsetMinutes: number,
  scale: number,
): PollutionEvent[] {
  const localHour = (((slot + Math.round(utcOffsetMinutes / 60)) % 24) + 24) % 24;
  const events: PollutionEvent[] = [];
  POLLUTION_EVENT_KINDS.forEach((kind, k) => {
    const mean = EVENTS_PER_CAMERA_PER_DAY[kind] * shareOfHour(kind, localHour) * scale;
    const count = poissonFromUniform(mean, uniform4(seed, STREAM_EVENTS + k, cameraIndex, slot));
    for (let n = 0; n < count; n += 1) {
      const u = (j: number): number =>
        uniform4(seed, STREAM_EVENTS + 16 + k, cameraIndex, slot * 64 + n * 8 + j);
      const observedAt = slot * HOUR_MS + Math.floor(u(0) * HOUR_MS);
      const id = `pe-${camera.id}-${slot}-${k}${n}`.slice(0, 64);
      events.push({
        id,
        kind,
        observedAt,
        position: offsetPosition(camera.position, u(1) * MAX_OFFSET_M, u(2) * 2 * Math.PI),
        cameraId: camera.id,
        reachId: camera.reachId,
        confidence: Math.round((0.7 + 0.28 * u(3)) * 100) / 100,
        evidenceRef: `evidence://river-cameras/${camera.id}/${id}.mp4#faces-blurred`,
        source: 'sim',
      });
    }
  });
  return events.sort((a, b) => a.observedAt - b.observedAt);
}

function offsetPosition(p: LngLat, distanceM: number, angleRad: number): LngLat {
  const latM = 110_574;
  const lngM = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const round = (v: number): number => Math.round(v * 1e6) / 1e6;
  return [
    round(p[0] + (distanceM * Math.cos(angleRad)) / lngM),
    round(p[1] + (distanceM * Math.sin(angleRad)) / latM),
  ];
}
