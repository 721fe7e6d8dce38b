import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryProblem } from '@cbo/contracts';
import type { HistoryStore, TimeRange } from './history-store';

/** What importing the fixture archives did. */
export interface FixtureImport {
  imported: string[];
  skipped: string[];
  /** Archives that could not be read: reported, never fatal. */
  problems: HistoryProblem[];
  /** Ranges of every readable archive (kept by retention). */
  ranges: TimeRange[];
}

/**
 * Imports every `*.parquet` day archive of `dir` whose range holds no frames in the store yet (a fresh
 * machine gets the shipped days; a store that has them keeps its own). A missing folder imports nothing; an
 * unreadable archive is reported and the others are still imported.
 */
export async function importFixtureDays(store: HistoryStore, dir: string): Promise<FixtureImport> {
  const result: FixtureImport = { imported: [], skipped: [], problems: [], ranges: [] };
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.parquet')).sort();
  } catch {
    return result;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const range = await store.archiveRange(path);
      result.ranges.push(range);
      const present = await store.framesAfter(range.from, -1, range.to - 1, 1);
      if (present.length > 0) {
        result.skipped.push(name);
        continue;
      }
      await store.importParquet(path);
      result.imported.push(name);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? 'unreadable';
      result.problems.push({
        file: name,
        reason: message.replace(`history archive ${path} cannot be read: `, ''),
      });
    }
  }
  return result;
}
