import { SPEED_UNKNOWN } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { dequantizeSpeed, quantizeSpeed } from './speed-quantization';

describe('speed quantization', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [52.34, 523],
    [52.35, 524],
    [1e9, 65534],
  ])('quantizes %s km/h to %s tenths', (kmh, tenths) => {
    expect(quantizeSpeed(kmh)).toBe(tenths);
  });

  it('maps NaN to the unknown marker and back', () => {
    expect(quantizeSpeed(Number.NaN)).toBe(SPEED_UNKNOWN);
    expect(dequantizeSpeed(SPEED_UNKNOWN)).toBeNaN();
  });

  it('loses at most half a tenth', () => {
    expect(dequantizeSpeed(quantizeSpeed(63.27))).toBeCloseTo(63.3, 6);
  });
});
