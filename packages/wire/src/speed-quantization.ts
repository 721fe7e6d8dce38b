import { SPEED_SCALE, SPEED_UNKNOWN } from '@cbo/contracts';

const MAX_QUANTIZED = SPEED_UNKNOWN - 1;

/**
 * Quantizes a speed to unsigned 16-bit tenths of km/h, the unit speeds travel in on the wire.
 * @param speedKmh - speed in km/h; NaN (no fresh reading) maps to `SPEED_UNKNOWN`
 * @returns an integer in 0..65534, or `SPEED_UNKNOWN`
 */
export function quantizeSpeed(speedKmh: number): number {
  if (Number.isNaN(speedKmh)) return SPEED_UNKNOWN;
  const tenths = Math.round(speedKmh * SPEED_SCALE);
  if (tenths <= 0) return 0;
  return tenths > MAX_QUANTIZED ? MAX_QUANTIZED : tenths;
}

/**
 * Inverse of {@link quantizeSpeed}.
 * @returns km/h, or NaN for `SPEED_UNKNOWN`
 */
export function dequantizeSpeed(quantized: number): number {
  return quantized === SPEED_UNKNOWN ? Number.NaN : quantized / SPEED_SCALE;
}
