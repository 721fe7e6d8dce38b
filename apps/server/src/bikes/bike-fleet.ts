import { BIKE_FLAG_IN_NO_PARKING, BIKE_FLAG_NO_PERMIT, BIKE_STATE_GONE } from '@cbo/contracts';
import type { BikeFleetArrays } from '@cbo/indices';
import { encodeBikeDelta, encodeBikeSnapshot } from '@cbo/wire';

/** What a bike slot is set to by an update. */
export interface BikeSlotUpdate {
  lngE6: number;
  latE6: number;
  state: number;
  operator: number;
  noPermit: boolean;
  feed: number;
}

/**
 * Every known dockless bike as growable parallel arrays (one slot per bike, reused when a bike leaves), with
 * the set of slots changed since the last frame. District and zone of a slot are recomputed only when its
 * position moves (parked bikes cost nothing per report).
 */
export class BikeFleet {
  capacity = 0;
  count = 0;
  present = new Uint8Array(0);
  state = new Uint8Array(0);
  operator = new Uint8Array(0);
  district = new Int16Array(0);
  zone = new Int32Array(0);
  noPermit = new Uint8Array(0);
  lngE6 = new Int32Array(0);
  latE6 = new Int32Array(0);
  feed = new Uint16Array(0);
  /** Report round in which the slot was last listed (to find the bikes a feed stopped listing). */
  seenRound = new Uint32Array(0);
  private readonly slotById = new Map<string, number>();
  private readonly idBySlot: (string | undefined)[] = [];
  private readonly free: number[] = [];
  private changed = new Uint8Array(0);
  private changedList: number[] = [];
  private seq = 0;

  constructor(
    private readonly originE6: readonly [number, number],
    private readonly locate: (lng: number, lat: number) => { district: number; zone: number },
    private readonly zoneIsNoParking: (zone: number) => boolean,
  ) {}

  private grow(): void {
    const next = Math.max(1024, this.capacity * 2);
    const widen = <T extends Uint8Array | Int16Array | Int32Array | Uint16Array | Uint32Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(next);
      b.set(a);
      return b;
    };
    this.present = widen(this.present, (n) => new Uint8Array(n));
    this.state = widen(this.state, (n) => new Uint8Array(n));
    this.operator = widen(this.operator, (n) => new Uint8Array(n));
    this.district = widen(this.district, (n) => new Int16Array(n));
    this.zone = widen(this.zone, (n) => new Int32Array(n));
    this.noPermit = widen(this.noPermit, (n) => new Uint8Array(n));
    this.lngE6 = widen(this.lngE6, (n) => new Int32Array(n));
    this.latE6 = widen(this.latE6, (n) => new Int32Array(n));
    this.feed = widen(this.feed, (n) => new Uint16Array(n));
    this.seenRound = widen(this.seenRound, (n) => new Uint32Array(n));
    this.changed = widen(this.changed, (n) => new Uint8Array(n));
    this.capacity = next;
  }

  private markChanged(slot: number): void {
    if (this.changed[slot] === 0) {
      this.changed[slot] = 1;
      this.changedList.push(slot);
    }
  }

  /** Known bikes. */
  get size(): number {
    return this.slotById.size;
  }

  /** Sets a bike's report; `round` marks it as listed in the current document. */
  upsert(key: string, update: BikeSlotUpdate, round: number): void {
    let slot = this.slotById.get(key);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.count++;
      if (slot >= this.capacity) this.grow();
      this.slotById.set(key, slot);
      this.idBySlot[slot] = key;
      this.present[slot] = 1;
      this.lngE6[slot] = update.lngE6 + 1; // force a locate below
    }
    this.seenRound[slot] = round;
    const moved = this.lngE6[slot] !== update.lngE6 || this.latE6[slot] !== update.latE6;
    if (moved) {
      this.lngE6[slot] = update.lngE6;
      this.latE6[slot] = update.latE6;
      const where = this.locate(update.lngE6 / 1e6, update.latE6 / 1e6);
      this.district[slot] = where.district;
      this.zone[slot] = where.zone;
    }
    const noPermit = update.noPermit ? 1 : 0;
    if (
      moved ||
      this.state[slot] !== update.state ||
      this.operator[slot] !== update.operator ||
      this.noPermit[slot] !== noPermit
    ) {
      this.state[slot] = update.state;
      this.operator[slot] = update.operator;
      this.noPermit[slot] = noPermit;
      this.markChanged(slot);
    }
    this.feed[slot] = update.feed;
  }

  /** Removes the bikes of `feed` not listed in `round`; returns how many left. */
  removeUnlisted(feed: number, round: number): number {
    let removed = 0;
    for (let slot = 0; slot < this.count; slot++) {
      if (this.present[slot] === 1 && this.feed[slot] === feed && this.seenRound[slot] !== round) {
        this.present[slot] = 0;
        this.slotById.delete(this.idBySlot[slot]!);
        this.idBySlot[slot] = undefined;
        this.free.push(slot);
        this.markChanged(slot);
        removed++;
      }
    }
    return removed;
  }

  /** Recomputes district and zone of every bike (after the zones changed). */
  relocateAll(): void {
    for (let slot = 0; slot < this.count; slot++) {
      if (this.present[slot] === 0) continue;
      const where = this.locate(this.lngE6[slot]! / 1e6, this.latE6[slot]! / 1e6);
      if (where.zone !== this.zone[slot]) this.markChanged(slot);
      this.district[slot] = where.district;
      this.zone[slot] = where.zone;
    }
  }

  /** The arrays as `computeBikeMetrics` reads them. */
  arrays(): BikeFleetArrays {
    return {
      count: this.count,
      present: this.present,
      state: this.state,
      operator: this.operator,
      district: this.district,
      zone: this.zone,
      noPermit: this.noPermit,
    };
  }

  private stateByte(slot: number): number {
    if (this.present[slot] === 0) return BIKE_STATE_GONE;
    let byte = this.state[slot]!;
    if (this.noPermit[slot] === 1) byte |= BIKE_FLAG_NO_PERMIT;
    const zone = this.zone[slot]!;
    if (byte !== 1 && zone >= 0 && this.zoneIsNoParking(zone)) byte |= BIKE_FLAG_IN_NO_PARKING;
    return byte;
  }

  private encode(slots: number[], at: number, snapshot: boolean): Uint8Array {
    const n = slots.length;
    const input = {
      seq: this.seq,
      at,
      originE6: this.originE6,
      indices: Uint32Array.from(slots),
      states: new Uint8Array(n),
      operators: new Uint8Array(n),
      lngE6: new Int32Array(n),
      latE6: new Int32Array(n),
    };
    slots.forEach((slot, i) => {
      input.states[i] = this.stateByte(slot);
      input.operators[i] = this.operator[slot]!;
      input.lngE6[i] = this.lngE6[slot]!;
      input.latE6[i] = this.latE6[slot]!;
    });
    return snapshot ? encodeBikeSnapshot(input) : encodeBikeDelta(input);
  }

  /** Every present bike, with the sequence number of the last delta (the next delta follows it). */
  snapshotFrame(at: number): Uint8Array {
    const slots: number[] = [];
    for (let slot = 0; slot < this.count; slot++) if (this.present[slot] === 1) slots.push(slot);
    return this.encode(slots, at, true);
  }

  /** The bikes changed since the previous delta (null when none), and clears the change set. */
  takeDeltaFrame(at: number): Uint8Array | null {
    if (this.changedList.length === 0) return null;
    const slots = this.changedList.sort((a, b) => a - b);
    for (const slot of slots) this.changed[slot] = 0;
    this.changedList = [];
    this.seq = (this.seq + 1) >>> 0;
    return this.encode(slots, at, false);
  }
}
