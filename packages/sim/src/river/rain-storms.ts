import type { LngLat } from '@cbo/contracts';
import { hash4, normal4, uniform4 } from '../hash';

/** One rain cell of a storm: a Gaussian patch of rain that moves with its storm. */
export interface RainCell {
  /** Centre at the storm's `startAt`, `[lng, lat]`. */
  centreAtStart: LngLat;
  /** Gaussian radius (one standard deviation), km. */
  radiusKm: number;
  /** Intensity at the centre at the cell's peak, mm/h. */
  peakMmPerH: number;
  /** Life of the cell, epoch ms; intensity follows sin² over it. */
  startAt: number;
  endAt: number;
}

/** A storm: cells moving together at one velocity. */
export interface RainStorm {
  id: string;
  startAt: number;
  endAt: number;
  /** Velocity, km/h, `[east, north]`. */
  velocityKmh: [east: number, north: number];
  cells: RainCell[];
}

/** Centre of the generated storms' paths: central Hangzhou. */
export const RAIN_CENTRE: LngLat = [120.17, 30.27];
/** Default mean storms per day (Hangzhou has about 130-150 rain days a year). */
export const DEFAULT_STORMS_PER_DAY = 0.4;
export const KM_PER_DEG_LAT = 110.574;
const STREAM_STORMS = 0x5a01;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Poisson draw by inversion from one uniform. */
export function poissonFromUniform(mean: number, u: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u > cumulative && k < 50) {
    k += 1;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

/**
 * The storms starting on UTC day `day` (epoch ms / 86,400,000, floored), a pure function of (seed, day).
 * Storms come mostly from the west-south-west (the plum-rain and summer fronts of the lower Yangtze), at
 * 15-45 km/h, for 1.5-6 h, and cross the city near their middle; 2-5 cells each of 4-12 km radius; cell peaks
 * are log-normal around 6 mm/h, and one cell in six is convective (times 4).
 */
export function stormsForDay(seed: number, day: number, stormsPerDay = DEFAULT_STORMS_PER_DAY): RainStorm[] {
  const count = poissonFromUniform(stormsPerDay, uniform4(seed, STREAM_STORMS, day, 0));
  const storms: RainStorm[] = [];
  for (let s = 0; s < count; s += 1) {
    const u = (k: number): number => uniform4(seed, STREAM_STORMS, day, 1000 + s * 100 + k);
    const startAt = Math.floor(day * DAY_MS + u(0) * DAY_MS);
    const durationMs = Math.round((1.5 + 4.5 * u(1)) * HOUR_MS);
    const bearingRad = ((20 + 80 * (u(2) - 0.5)) * Math.PI) / 180; // direction of travel, from east, counter-clockwise
    const speedKmh = 15 + 30 * u(3);
    const velocityKmh: [number, number] = [speedKmh * Math.cos(bearingRad), speedKmh * Math.sin(bearingRad)];
    const kmPerDegLng = KM_PER_DEG_LAT * Math.cos((RAIN_CENTRE[1] * Math.PI) / 180);
    const halfH = durationMs / HOUR_MS / 2;
    const lateralKm = 30 * (u(4) - 0.5);
    const startEastKm = -velocityKmh[0] * halfH - Math.sin(bearingRad) * lateralKm;
    const startNorthKm = -velocityKmh[1] * halfH + Math.cos(bearingRad) * lateralKm;
    const cellCount = 2 + Math.floor(4 * u(5));
    const cells: RainCell[] = [];
    for (let c = 0; c < cellCount; c += 1) {
      const v = (k: number): number => uniform4(seed, STREAM_STORMS + 1, hash4(day, s, c), k);
      const convective = v(0) < 1 / 6 ? 4 : 1;
      const cellStart = startAt + Math.round(v(1) * 0.3 * durationMs);
      const cellEnd = Math.min(startAt + durationMs, cellStart + Math.round((0.5 + 0.5 * v(2)) * durationMs));
      cells.push({
        centreAtStart: [
          RAIN_CENTRE[0] + (startEastKm + 24 * (v(3) - 0.5)) / kmPerDegLng,
          RAIN_CENTRE[1] + (startNorthKm + 24 * (v(4) - 0.5)) / KM_PER_DEG_LAT,
        ],
        radiusKm: 4 + 8 * v(5),
        peakMmPerH: 6 * Math.exp(0.6 * normal4(seed, STREAM_STORMS + 2, hash4(day, s, c))) * convective,
        startAt: cellStart,
        endAt: cellEnd,
      });
    }
    storms.push({ id: `storm-${day}-${s}`, startAt, endAt: startAt + durationMs, velocityKmh, cells });
  }
  return storms;
}

/** Rain intensity of one storm at a point and time, mm/h (0 outside its life). */
export function stormIntensityMmPerH(storm: RainStorm, point: LngLat, at: number): number {
  if (at < storm.startAt || at >= storm.endAt) return 0;
  const hours = (at - storm.startAt) / HOUR_MS;
  const kmPerDegLng = KM_PER_DEG_LAT * Math.cos((point[1] * Math.PI) / 180);
  let total = 0;
  for (const cell of storm.cells) {
    if (at < cell.startAt || at >= cell.endAt) continue;
    const phase = (at - cell.startAt) / (cell.endAt - cell.startAt);
    const envelope = Math.sin(Math.PI * phase) ** 2;
    const dx = (point[0] - cell.centreAtStart[0]) * kmPerDegLng - storm.velocityKmh[0] * hours;
    const dy = (point[1] - cell.centreAtStart[1]) * KM_PER_DEG_LAT - storm.velocityKmh[1] * hours;
    total +=
      cell.peakMmPerH * envelope * Math.exp(-(dx * dx + dy * dy) / (2 * cell.radiusKm * cell.radiusKm));
  }
  return total;
}
