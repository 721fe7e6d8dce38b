import { createRequire } from 'node:module';
import type { PNG as PngClass } from 'pngjs';

// pngjs is a devDependency of @cbo/web (the e2e folder has no package of its own).
const requireFromWeb = createRequire(new URL('../../apps/web/package.json', import.meta.url));
const { PNG } = requireFromWeb('pngjs') as { PNG: typeof PngClass };

/** Counts the pixels of a PNG that pass a colour test. */
export function countPixels(
  png: Buffer,
  test: (red: number, green: number, blue: number) => boolean,
): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    if (test(image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!)) count += 1;
  }
  return count;
}

/** The severe-congestion red of the map (215, 48, 31) and its anti-aliased edges; not the stale banner. */
export const isSevereRed = (red: number, green: number, blue: number): boolean =>
  red > 180 && green < 90 && blue < 80;

/** The free-flow blue of the map (78, 163, 217). */
export const isFreeBlue = (red: number, green: number, blue: number): boolean =>
  blue > 170 && green > 120 && green < 200 && red < 120;
