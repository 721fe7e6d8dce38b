import type { LngLat } from '@cbo/contracts';
import { HEX_DENSITY_COLORS, hexDensityClass } from './bike-palette';

/** Metres per degree of latitude (mean, WGS-84). */
const M_PER_DEG_LAT = 110_574;
/** Metres per degree of longitude at the equator. */
const M_PER_DEG_LNG_EQUATOR = 111_320;
const SQRT3 = Math.sqrt(3);
const DENSITY_COLORS = HEX_DENSITY_COLORS;
const densityClassOf = hexDensityClass;
/** Axial coordinates are offset by this to make a non-negative key; keys stay small integers (fast maps). */
const KEY_BIAS = 8_192;
/** Key stride of one axial column (2 x {@link KEY_BIAS}). */
const KEY_STRIDE = 16_384;

/**
 * A flat-topped hexagon grid of fixed circumradius in a local metric plane around an origin, counting bikes
 * per cell incrementally: `slotAt` finds (or opens) the cell of an offset, `add`/`remove` move one bike in or
 * out, so a delta frame costs its changed bikes, not the fleet. Cells are slots in typed arrays (centres as
 * `[dLng, dLat]` offsets from the origin for deck.gl `LNGLAT_OFFSETS`, counts, RGBA colours) that only grow;
 * a cell that empties keeps its slot with a transparent colour.
 */
export class HexBinGrid {
  /** Number of slots in use (cells ever touched). */
  slotCount = 0;
  /** Bikes per slot. */
  counts: Uint32Array;
  /** Slot centres, `[dLng, dLat]` degrees from {@link origin}. */
  centres: Float32Array;
  /** Slot fill colours (RGBA, 0-255) after the last {@link paint}. */
  colors: Uint8Array;
  private readonly slotByKey = new Map<number, number>();
  private readonly mPerDegLng: number;

  /**
   * @param origin - `[lng, lat]` the offsets are measured from
   * @param radiusM - circumradius of a hexagon, metres
   * @param initialSlots - slots allocated up front (the arrays double when full)
   */
  constructor(
    readonly origin: LngLat,
    readonly radiusM: number,
    initialSlots = 1024,
  ) {
    if (!(radiusM > 0)) throw new RangeError(`hexagon radius must be positive, got ${radiusM}`);
    this.mPerDegLng = M_PER_DEG_LNG_EQUATOR * Math.cos((origin[1] * Math.PI) / 180);
    this.counts = new Uint32Array(initialSlots);
    this.centres = new Float32Array(initialSlots * 2);
    this.colors = new Uint8Array(initialSlots * 4);
  }

  /** The slot of the cell containing the offset `[dLng, dLat]` (degrees), opened when new. */
  slotAt(dLng: number, dLat: number): number {
    const x = (dLng * this.mPerDegLng) / this.radiusM;
    const y = (dLat * M_PER_DEG_LAT) / this.radiusM;
    const fq = (2 / 3) * x;
    const fr = -x / 3 + (SQRT3 / 3) * y;
    const fs = -fq - fr;
    let q = Math.round(fq);
    let r = Math.round(fr);
    const s = Math.round(fs);
    const dq = Math.abs(q - fq);
    const dr = Math.abs(r - fr);
    const ds = Math.abs(s - fs);
    if (dq > dr && dq > ds) q = -r - s;
    else if (dr > ds) r = -q - s;
    const key = (q + KEY_BIAS) * KEY_STRIDE + (r + KEY_BIAS);
    const known = this.slotByKey.get(key);
    if (known !== undefined) return known;
    return this.openSlot(key, q, r);
  }

  /** Counts one more bike in a slot. */
  add(slot: number): void {
    this.counts[slot] = this.counts[slot]! + 1;
  }

  /** Counts one bike fewer in a slot. */
  remove(slot: number): void {
    if (this.counts[slot]! > 0) this.counts[slot] = this.counts[slot]! - 1;
  }

  /** Empties every cell (slots and centres are kept). */
  clear(): void {
    this.counts.fill(0, 0, this.slotCount);
  }

  /** Writes each slot's colour from its count (O(slots)); call once after a batch of moves. */
  paint(): void {
    for (let slot = 0; slot < this.slotCount; slot += 1) {
      const rgba = DENSITY_COLORS[densityClassOf(this.counts[slot]!)]!;
      const at = slot * 4;
      this.colors[at] = rgba[0];
      this.colors[at + 1] = rgba[1];
      this.colors[at + 2] = rgba[2];
      this.colors[at + 3] = rgba[3];
    }
  }

  private openSlot(key: number, q: number, r: number): number {
    const slot = this.slotCount;
    if (slot === this.counts.length) this.grow();
    this.slotCount += 1;
    this.slotByKey.set(key, slot);
    const xM = this.radiusM * 1.5 * q;
    const yM = this.radiusM * SQRT3 * (r + q / 2);
    this.centres[slot * 2] = xM / this.mPerDegLng;
    this.centres[slot * 2 + 1] = yM / M_PER_DEG_LAT;
    return slot;
  }

  private grow(): void {
    const size = this.counts.length * 2;
    const counts = new Uint32Array(size);
    counts.set(this.counts);
    const centres = new Float32Array(size * 2);
    centres.set(this.centres);
    const colors = new Uint8Array(size * 4);
    colors.set(this.colors);
    this.counts = counts;
    this.centres = centres;
    this.colors = colors;
  }
}
