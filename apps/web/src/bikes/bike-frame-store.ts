import { BIKE_FLAG_IN_NO_PARKING, BIKE_FLAG_NO_PERMIT, BIKE_STATE_GONE } from '@cbo/contracts';
import type { EpochMs, LngLat } from '@cbo/contracts';
import { BIKE_STATE_COLORS, FLAG_RING_WIDTH_PX, NO_PARKING_RING, NO_PERMIT_RING } from './bike-palette';
import { HexBinGrid } from './hex-bin-grid';
import type { Rgba } from '../map/level-palette';

const TRANSPARENT: Rgba = [0, 0, 0, 0];
// Imported bindings copied into module constants: the per-bike loops read them 300,000 times a frame.
const GONE = BIKE_STATE_GONE;
const FLAG_NO_PERMIT = BIKE_FLAG_NO_PERMIT;
const FLAG_IN_NO_PARKING = BIKE_FLAG_IN_NO_PARKING;
const STATE_COLORS = BIKE_STATE_COLORS;
const RING_NO_PERMIT = NO_PERMIT_RING;
const RING_NO_PARKING = NO_PARKING_RING;
const RING_WIDTH_PX = FLAG_RING_WIDTH_PX;

/** Options of a {@link BikeFrameStore}. */
export interface BikeFrameStoreOptions {
  /** Circumradius of the density hexagons, metres. @default 250 */
  hexRadiusM?: number;
  /** Bikes allocated up front; the arrays double when a frame carries a higher index. @default 4096 */
  initialCapacity?: number;
}

/**
 * Every bike of the stream in typed arrays indexed by the wire's bike index, written in place by frames:
 * positions (offsets from {@link origin}), state bytes (`BIKE_STATE_GONE` for an empty slot), operator codes,
 * the render attributes of the point layer (fill, ring colour, ring width) and each bike's hexagon slot in
 * {@link grid}. Nothing is rebuilt per frame; {@link version} rises with every applied frame.
 */
export class BikeFrameStore {
  /** Highest bike index ever seen + 1: the instance count of the point layer. */
  length = 0;
  /** Bikes present now. */
  present = 0;
  /** Frame origin `[lng, lat]`, null before the first snapshot. */
  origin: LngLat | null = null;
  /** Time of the last applied frame, null before the first. */
  at: EpochMs | null = null;
  /** Rises with every applied frame. */
  version = 0;
  /** `[dLng, dLat]` degrees from {@link origin}, per bike. */
  offsets: Float32Array;
  /** Wire state byte per bike (low 2 bits state, 0x10 no permit, 0x20 in no-parking; 0xff absent). */
  states: Uint8Array;
  operators: Uint8Array;
  /** Point fill RGBA per bike (alpha 0 when absent). */
  fillColors: Uint8Array;
  /** Point ring RGBA per bike (flags). */
  lineColors: Uint8Array;
  /** Point ring width per bike, px at scale 1 (0 unflagged). */
  lineWidthsPx: Float32Array;
  /** Hexagon slot per bike in {@link grid}, -1 when absent. */
  cellSlots: Int32Array;
  /** Density hexagons, null before the first snapshot. */
  grid: HexBinGrid | null = null;
  readonly hexRadiusM: number;

  constructor(options: BikeFrameStoreOptions = {}) {
    this.hexRadiusM = options.hexRadiusM ?? 250;
    const capacity = Math.max(1, options.initialCapacity ?? 4096);
    this.offsets = new Float32Array(capacity * 2);
    this.states = new Uint8Array(capacity).fill(GONE);
    this.operators = new Uint8Array(capacity);
    this.fillColors = new Uint8Array(capacity * 4);
    this.lineColors = new Uint8Array(capacity * 4);
    this.lineWidthsPx = new Float32Array(capacity);
    this.cellSlots = new Int32Array(capacity).fill(-1);
  }

  /** Bikes the arrays hold without growing. */
  get capacity(): number {
    return this.states.length;
  }

  /** Grows every per-bike array (doubling) until `index` fits. */
  ensureIndex(index: number): void {
    if (index < this.capacity) return;
    let capacity = this.capacity;
    while (capacity <= index) capacity *= 2;
    this.offsets = grown(this.offsets, capacity * 2, Float32Array);
    this.states = grown(this.states, capacity, Uint8Array, GONE);
    this.operators = grown(this.operators, capacity, Uint8Array);
    this.fillColors = grown(this.fillColors, capacity * 4, Uint8Array);
    this.lineColors = grown(this.lineColors, capacity * 4, Uint8Array);
    this.lineWidthsPx = grown(this.lineWidthsPx, capacity, Float32Array);
    this.cellSlots = grown(this.cellSlots, capacity, Int32Array, -1);
  }

  /** Writes one bike (present) and moves it between hexagons. */
  writeBike(index: number, state: number, operator: number, dLng: number, dLat: number): void {
    if (this.states[index] === GONE) this.present += 1;
    this.states[index] = state;
    this.operators[index] = operator;
    this.offsets[index * 2] = dLng;
    this.offsets[index * 2 + 1] = dLat;
    paintBike(this, index, state);
    const grid = this.grid;
    if (!grid) return;
    const previous = this.cellSlots[index]!;
    const slot = grid.slotAt(dLng, dLat);
    if (previous === slot) return;
    if (previous >= 0) grid.remove(previous);
    grid.add(slot);
    this.cellSlots[index] = slot;
  }

  /** Removes one bike (its slot stays, transparent). */
  removeBike(index: number): void {
    if (index >= this.capacity || this.states[index] === GONE) return;
    this.present -= 1;
    this.states[index] = GONE;
    this.offsets[index * 2] = 0;
    this.offsets[index * 2 + 1] = 0;
    paintBike(this, index, GONE);
    const previous = this.cellSlots[index]!;
    if (previous >= 0) this.grid?.remove(previous);
    this.cellSlots[index] = -1;
  }

  /** Forgets every bike (before a snapshot); the origin and the hexagon grid are reset to `origin`. */
  reset(origin: LngLat): void {
    this.states.fill(GONE);
    this.offsets.fill(0);
    this.fillColors.fill(0);
    this.lineColors.fill(0);
    this.lineWidthsPx.fill(0);
    this.cellSlots.fill(-1);
    this.present = 0;
    this.length = 0;
    const sameOrigin = this.origin && this.origin[0] === origin[0] && this.origin[1] === origin[1];
    if (sameOrigin && this.grid) this.grid.clear();
    else this.grid = new HexBinGrid(origin, this.hexRadiusM);
    this.origin = origin;
  }
}

type TypedArrayOf<T> = { new (length: number): T };

function grown<T extends Float32Array | Uint8Array | Int32Array>(
  array: T,
  length: number,
  Ctor: TypedArrayOf<T>,
  fillWith?: number,
): T {
  const next = new Ctor(length);
  if (fillWith !== undefined) next.fill(fillWith);
  next.set(array);
  return next;
}

function writeRgba(target: Uint8Array, at: number, rgba: Rgba): void {
  target[at] = rgba[0];
  target[at + 1] = rgba[1];
  target[at + 2] = rgba[2];
  target[at + 3] = rgba[3];
}

function paintBike(store: BikeFrameStore, index: number, state: number): void {
  const at = index * 4;
  if (state === GONE) {
    writeRgba(store.fillColors, at, TRANSPARENT);
    writeRgba(store.lineColors, at, TRANSPARENT);
    store.lineWidthsPx[index] = 0;
    return;
  }
  writeRgba(store.fillColors, at, STATE_COLORS[state & 0x03]!);
  const ring = state & FLAG_IN_NO_PARKING ? RING_NO_PARKING : state & FLAG_NO_PERMIT ? RING_NO_PERMIT : null;
  writeRgba(store.lineColors, at, ring ?? TRANSPARENT);
  store.lineWidthsPx[index] = ring ? RING_WIDTH_PX : 0;
}
