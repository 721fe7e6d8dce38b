import type { LocalDate, TypicalDay } from '@cbo/contracts';
import { tpiFromTti, typicalTti, type TtiForecaster } from '@cbo/indices';
import { summariseMinutes } from './history-days';
import { localDayRange } from './local-day';

const MINUTE_MS = 60_000;

/**
 * The typical day for a date: the network TTI per minute of the traffic side's typical profile of the
 * date's day type (weekday or weekend; ADR 0009, `typicalTti` of `@cbo/indices`), on the date's own clock so
 * one scrubber drives both, with the same summary figures as a recorded day (no events).
 */
export function typicalDay(forecaster: TtiForecaster, date: LocalDate, timeZone: string): TypicalDay {
  const range = localDayRange(date, timeZone);
  const points: { at: number; tti: number | null; tpi: number | null }[] = [];
  for (let at = range.from; at < range.to; at += MINUTE_MS) {
    const tti = typicalTti(forecaster, 'network', at);
    if (tti !== null) points.push({ at, tti, tpi: tpiFromTti(tti) });
  }
  return {
    timeline: { date, ...range, tti: points.map(({ at, tti }) => ({ at, tti })), events: [] },
    summary: summariseMinutes(date, range, points, []),
    daysLearned: forecaster.daysLearned,
  };
}
