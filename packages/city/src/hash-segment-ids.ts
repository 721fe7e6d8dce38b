/**
 * FNV-1a 32-bit hash of the segment ids joined by `'\n'`, over their UTF-16 code units, as an unsigned
 * integer. Clients compare it with the `segmentsHash` of wire frames to refuse frames of another city.
 */
export function hashSegmentIds(ids: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ids.length; i += 1) {
    if (i > 0) {
      hash ^= 10;
      hash = Math.imul(hash, 0x01000193);
    }
    const id = ids[i] as string;
    for (let j = 0; j < id.length; j += 1) {
      hash ^= id.charCodeAt(j);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}
