/** Downstream adjacency in compressed sparse row form: segment i flows into `targets[offsets[i] .. offsets[i + 1])`. */
export interface DownstreamGraph {
  offsets: Uint32Array;
  targets: Uint32Array;
}

/**
 * Inverts the city's upstream lists (`upstream[i]` = segments flowing into i) into downstream lists, as flat
 * typed arrays so hot loops allocate nothing.
 */
export function buildDownstreamGraph(upstream: readonly (readonly number[])[]): DownstreamGraph {
  const count = upstream.length;
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i += 1) for (const u of upstream[i]!) offsets[u + 1]! += 1;
  for (let i = 0; i < count; i += 1) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, count);
  const targets = new Uint32Array(offsets[count]!);
  for (let i = 0; i < count; i += 1) {
    for (const u of upstream[i]!) {
      targets[fill[u]!] = i;
      fill[u]! += 1;
    }
  }
  return { offsets, targets };
}
