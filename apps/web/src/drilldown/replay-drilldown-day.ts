import type { PastDayPoint } from '../insights/insight-queries';

const MINUTE_MS = 60_000;
/** Finest step of the replay drill-down while playing, ms. */
const PLAYING_STEP_MS = 5 * MINUTE_MS;
/** Real time between two refreshes of the drill-down while playing, at most, ms. */
const REFRESH_EVERY_REAL_MS = 10_000;

/**
 * The instant a replay's drill-down is asked for: the replay time floored to a step, so a playing replay
 * refetches about once per 10 real seconds whatever its speed (5 minutes of replay at least), and a paused
 * one to the minute it was stepped or seeked to.
 */
export function replayDrilldownDay(
  date: string,
  state: { at: number; playing: boolean; speed: number } | null,
): PastDayPoint | undefined {
  if (!state) return undefined;
  const playingStep = Math.ceil((state.speed * REFRESH_EVERY_REAL_MS) / PLAYING_STEP_MS) * PLAYING_STEP_MS;
  const step = state.playing ? Math.max(PLAYING_STEP_MS, playingStep) : MINUTE_MS;
  return { date, at: Math.floor(state.at / step) * step };
}
