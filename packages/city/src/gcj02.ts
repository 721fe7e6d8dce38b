import type { LngLat } from '@cbo/contracts';

/** Semi-major axis of the Krasovsky 1940 ellipsoid used by the GCJ-02 offset, metres. */
const KRASOVSKY_A_M = 6378245.0;
/** First eccentricity squared of the Krasovsky 1940 ellipsoid. */
const KRASOVSKY_EE = 0.006693421622965943;

/** True when the point lies outside the rectangle where GCJ-02 applies an offset (eviltransform's test). */
export function isOutsideChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** The GCJ-02 offset `[dLng, dLat]` in degrees at a WGS-84 point. */
function gcjOffset([lng, lat]: LngLat): LngLat {
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(lng - 105.0, lat - 35.0) * 180.0) /
    (((KRASOVSKY_A_M * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng =
    (offsetLng(lng - 105.0, lat - 35.0) * 180.0) / ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

/**
 * Converts a WGS-84 position to GCJ-02 (the datum of most Chinese web maps), by the published
 * eviltransform formula. Points outside China are returned unchanged.
 */
export function wgs84ToGcj02(point: LngLat): LngLat {
  if (isOutsideChina(point)) return [point[0], point[1]];
  const [dLng, dLat] = gcjOffset(point);
  return [point[0] + dLng, point[1] + dLat];
}

/**
 * Converts a GCJ-02 position back to WGS-84 by fixed-point iteration on {@link wgs84ToGcj02}
 * until the forward transform reproduces the input to 1e-9 degrees (about 0.1 mm).
 * Points outside China are returned unchanged.
 */
export function gcj02ToWgs84(point: LngLat): LngLat {
  if (isOutsideChina(point)) return [point[0], point[1]];
  const [dLng0, dLat0] = gcjOffset(point);
  let lng = point[0] - dLng0;
  let lat = point[1] - dLat0;
  for (let i = 0; i < 30; i += 1) {
    const [gLng, gLat] = wgs84ToGcj02([lng, lat]);
    const errLng = gLng - point[0];
    const errLat = gLat - point[1];
    lng -= errLng;
    lat -= errLat;
    if (Math.abs(errLng) < 1e-9 && Math.abs(errLat) < 1e-9) break;
  }
  return [lng, lat];
}
