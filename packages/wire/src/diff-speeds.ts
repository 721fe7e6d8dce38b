/** The entries of a speed array that differ from what was last sent. */
export interface SpeedChanges {
  /** Ascending segment indices. */
  indices: Uint32Array;
  /** Quantized speeds, one per index. */
  speeds: Uint16Array;
}

/**
 * Finds the segments whose quantized speed differs from what was last sent, and records the
 * new values in `lastSent` so the next call only reports later changes.
 * @param lastSent - quantized speeds as last broadcast; updated in place
 * @param current - quantized speeds now; same length as `lastSent`
 */
export function diffSpeeds(lastSent: Uint16Array, current: Uint16Array): SpeedChanges {
  if (lastSent.length !== current.length) {
    throw new RangeError(
      `diffSpeeds: lastSent has ${lastSent.length} entries, current has ${current.length}`,
    );
  }
  let changed = 0;
  for (let i = 0; i < current.length; i++) if (lastSent[i] !== current[i]) changed++;
  const indices = new Uint32Array(changed);
  const speeds = new Uint16Array(changed);
  let k = 0;
  for (let i = 0; i < current.length; i++) {
    const value = current[i]!;
    if (lastSent[i] !== value) {
      indices[k] = i;
      speeds[k] = value;
      lastSent[i] = value;
      k++;
    }
  }
  return { indices, speeds };
}
