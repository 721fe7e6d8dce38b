import type { City } from '@cbo/city';
import type { LngLat, TrafficEventInput, TrafficEventKind } from '@cbo/contracts';
import { hash4, uniform4 } from '../hash';
import { localTime } from '../local-time';

/** Options of {@link createCameraEventSim}. */
export interface CameraEventSimOptions {
  seed: number;
  /** Mean detections per hour over the whole city in the daytime (07:00-22:00 local). @default 12 */
  eventsPerHour?: number;
  /** Night rate as a share of the daytime rate. @default 0.25 */
  nightShare?: number;
  /** Offset of local time from UTC, minutes. @default 480 */
  utcOffsetMinutes?: number;
}

/** Seeded simulated roadside cameras: illegal-parking and stopped-vehicle detections, never a plate. */
export interface CameraEventSim {
  /** Detections with `observedAt` in (previous now, now], oldest first; independent of step size. */
  advance(now: number): TrafficEventInput[];
}

/** Length of one draw window, ms: at most one detection per window. */
export const CAMERA_WINDOW_MS = 60_000;
/** Share of simulated detections that are stopped vehicles (the rest is illegal parking). */
export const STOPPED_VEHICLE_SHARE = 0.2;
/** Largest offset of a detection from the segment's centre line, metres. */
const MAX_OFFSET_M = 8;
const STREAM_EVENT = 0xca3e;
const METRES_PER_DEGREE = 111_320;

type SegmentPaths = Pick<City, 'segmentCount' | 'segments'>;

/** Point at fraction `f` (0-1) of a polyline's vertex sequence, `[lng, lat]` (linear in vertex steps). */
function pointAlong(path: readonly LngLat[], f: number): LngLat {
  const scaled = f * (path.length - 1);
  const k = Math.min(Math.floor(scaled), path.length - 2);
  const t = scaled - k;
  const a = path[k]!;
  const b = path[k + 1]!;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * Creates the camera event simulator. Time is cut into {@link CAMERA_WINDOW_MS} windows; each window holds
 * one detection with probability `rate × window` (at most one), at a seeded instant, on a seeded segment,
 * a few metres off its centre line. Every draw is a pure function of (seed, window), so the stream can be
 * recomputed for any past time.
 */
export function createCameraEventSim(
  city: SegmentPaths,
  options: CameraEventSimOptions,
  startAt: number,
): CameraEventSim {
  const { seed } = options;
  const perHour = options.eventsPerHour ?? 12;
  const nightShare = options.nightShare ?? 0.25;
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 480;
  let last = startAt;

  function eventOfWindow(window: number): TrafficEventInput | null {
    const windowStart = window * CAMERA_WINDOW_MS;
    const hour = localTime(windowStart, utcOffsetMinutes).minuteOfDay / 60;
    const rate = perHour * (hour >= 7 && hour < 22 ? 1 : nightShare);
    if (uniform4(seed, STREAM_EVENT, window, 0) >= (rate * CAMERA_WINDOW_MS) / 3_600_000) return null;
    if (city.segmentCount === 0) return null;
    const observedAt = windowStart + Math.floor(uniform4(seed, STREAM_EVENT, window, 1) * CAMERA_WINDOW_MS);
    const segment = city.segments[hash4(seed, STREAM_EVENT, window, 2) % city.segmentCount]!;
    const [lng, lat] = pointAlong(segment.path, uniform4(seed, STREAM_EVENT, window, 3));
    const offsetM = (uniform4(seed, STREAM_EVENT, window, 4) * 2 - 1) * MAX_OFFSET_M;
    const cameraNumber = hash4(seed, STREAM_EVENT, segment.index, 5) % 900;
    const kind: TrafficEventKind =
      uniform4(seed, STREAM_EVENT, window, 6) < STOPPED_VEHICLE_SHARE ? 'stopped-vehicle' : 'illegal-parking';
    return {
      kind,
      position: [lng, lat + offsetM / METRES_PER_DEGREE],
      observedAt,
      evidenceRef: `evidence://sim/cam-${cameraNumber}/${window}`,
      cameraId: `cam-${cameraNumber}`,
    };
  }

  return {
    advance(now) {
      const events: TrafficEventInput[] = [];
      if (now <= last) return events;
      const first = Math.floor(last / CAMERA_WINDOW_MS);
      const lastWindow = Math.floor(now / CAMERA_WINDOW_MS);
      for (let window = first; window <= lastWindow; window += 1) {
        const event = eventOfWindow(window);
        if (event && (event.observedAt as number) > last && (event.observedAt as number) <= now) {
          events.push(event);
        }
      }
      last = now;
      return events;
    },
  };
}
