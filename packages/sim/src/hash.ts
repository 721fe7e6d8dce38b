/**
 * Counter-based random numbers: every draw is a pure function of its inputs, so any observation can be
 * recomputed for any time without replaying a generator from the start.
 */

/** Finaliser of MurmurHash3 (fmix32): a 32-bit avalanche mix. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of up to four 32-bit integers (e.g. seed, stream, segment, slot), unsigned 32-bit. */
export function hash4(a: number, b: number, c = 0, d = 0): number {
  let h = mix32(a ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(b | 0, 0x27d4eb2f));
  h = mix32(h ^ Math.imul(c | 0, 0x165667b1));
  h = mix32(h ^ Math.imul(d | 0, 0x61c88647));
  return h;
}

/** Uniform draw in [0, 1) from {@link hash4}. */
export function uniform4(a: number, b: number, c = 0, d = 0): number {
  return hash4(a, b, c, d) / 4_294_967_296;
}

/** Approximately standard normal draw (Irwin-Hall of four uniforms, rescaled), from {@link hash4} inputs. */
export function normal4(a: number, b: number, c = 0, d = 0): number {
  const base = Math.imul(d | 0, 4);
  const sum =
    uniform4(a, b, c, base) +
    uniform4(a, b, c, base + 1) +
    uniform4(a, b, c, base + 2) +
    uniform4(a, b, c, base + 3);
  return (sum - 2) * Math.sqrt(3);
}

/**
 * Cheap zero-mean, unit-variance draw from one hash: the sum of two 16-bit uniforms (a triangular
 * distribution), rescaled; bounded to +-sqrt(6) (about 2.45).
 */
export function triangular1(a: number, b: number, c = 0, d = 0): number {
  const h = hash4(a, b, c, d);
  return ((h & 0xffff) / 65_536 + (h >>> 16) / 65_536 - 1) * Math.sqrt(6);
}
