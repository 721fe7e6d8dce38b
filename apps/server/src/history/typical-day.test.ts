import { describe, expect, it } from 'vitest';
import { createTtiForecaster, learnDay } from '@cbo/indices';
import { typicalDay } from './typical-day';

const ZONE = 'Asia/Shanghai';
/** 2026-01-15 00:00 in Hangzhou, a Thursday. */
const THURSDAY = Date.UTC(2026, 0, 14, 16, 0, 0);

/** A forecaster that learnt one weekday whose network TTI was 1.5 all day and 2.5 from 08:00 to 09:00. */
function weekdayForecaster() {
  const forecaster = createTtiForecaster();
  const tti = new Float32Array(1440).fill(1.5);
  tti.fill(2.5, 8 * 60, 9 * 60);
  learnDay(forecaster, {
    dayStart: THURSDAY - 7 * 86_400_000,
    weekend: false,
    areaIds: ['network'],
    tti: [tti],
  });
  return forecaster;
}

describe('typicalDay', () => {
  it('draws the learnt weekday curve on the clock of a weekday', () => {
    const day = typicalDay(weekdayForecaster(), '2026-01-15', ZONE);
    const at = (hhmm: number) => THURSDAY + (Math.floor(hhmm / 100) * 60 + (hhmm % 100)) * 60_000;
    const tti = new Map(day.timeline.tti.map((p) => [p.at, p.tti]));
    expect([day.timeline.tti.length, tti.get(at(300)), tti.get(at(830)), day.daysLearned]).toEqual([
      1440, 1.5, 2.5, 1,
    ]);
  });

  it('summarises the curve: peak delay index over 07-09 and 17-19 and the highest TTI', () => {
    const { summary } = typicalDay(weekdayForecaster(), '2026-01-15', ZONE);
    // 07-09: an hour at 1.5 and an hour at 2.5, less the +-2 min smoothing at 08:58 (-0.2) and 08:59 (-0.4)
    // (the 08:00 edge evens out inside the window); 17-19: two hours at 1.5.
    const peak = (60 * 1.5 + 60 * 2.5 - 0.6 + 120 * 1.5) / 240;
    expect([summary.maxTti, summary.peakDelayIndex, summary.alertsByKind]).toEqual([
      2.5,
      expect.closeTo(peak, 6),
      {},
    ]);
  });

  it('has no curve on a weekend when only weekdays were learnt', () => {
    const day = typicalDay(weekdayForecaster(), '2026-01-17', ZONE);
    expect([day.timeline.tti.length, day.summary.peakDelayIndex]).toEqual([0, null]);
  });
});
