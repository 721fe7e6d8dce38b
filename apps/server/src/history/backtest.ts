import type { City } from '@cbo/city';
import type { AlertRule, BacktestFiring, BacktestResult, LocalDate } from '@cbo/contracts';
import { ROAD_CLASSES, SPEED_SCALE, SPEED_UNKNOWN } from '@cbo/contracts';
import { createRuleEngine, evaluate, type EntityInput, type MetricReading } from '@cbo/alerts';
import { congestionLevelForSpeed, segmentTti, tpiFromTti } from '@cbo/indices';
import { areaEntity } from '../alerts/traffic-inputs';
import type { HistoryStore } from './history-store';
import { localDayRange } from './local-day';
import { applyRecordedFrame, recordedNow, seekRecordedState } from './replay-cursor';

/** Recorded time between two evaluations of a backtest, ms (the live engine evaluates every tick). */
export const BACKTEST_STEP_MS = 60_000;

function segmentEntitiesFromSpeeds(city: City, speeds: Uint16Array, at: number): EntityInput[] {
  const out: EntityInput[] = [];
  for (let i = 0; i < city.segmentCount; i++) {
    const q = speeds[i]!;
    if (q === SPEED_UNKNOWN) continue;
    const speed = q / SPEED_SCALE;
    const tti = segmentTti(city.freeFlowKmh[i]!, speed);
    const roadClass = ROAD_CLASSES[city.roadClass[i]!] ?? 'branch';
    const reading = (value: number): MetricReading => ({ value, observedAt: at, fresh: true });
    out.push({
      id: city.segments[i]!.id,
      metrics: {
        tti: reading(tti),
        tpi: reading(tpiFromTti(tti)),
        level: reading(congestionLevelForSpeed(roadClass, speed)),
        speedKmh: reading(speed),
      },
    });
  }
  return out;
}

function firing(e: { at: number; type: string; entityId: string; severity?: string }): BacktestFiring {
  return { at: e.at, kind: e.type, targetId: e.entityId, ...(e.severity ? { severity: e.severity } : {}) };
}

/**
 * Runs one rule over a recorded day with `@cbo/alerts`: the recorded map (segment metrics from the frames the
 * wall showed) and the recorded network and district indices, once per {@link BACKTEST_STEP_MS}, and lists
 * when it would have fired next to the alert events recorded for that rule id.
 */
export async function backtestRule(
  store: HistoryStore,
  city: City,
  date: LocalDate,
  rule: AlertRule,
): Promise<BacktestResult> {
  const range = localDayRange(date, city.document.timeZone);
  let engine = createRuleEngine([rule], { builtins: false });
  const state = await seekRecordedState(store, range.from, city.segmentCount);
  const frames = await store.framesAfter(state.cursorAt, state.cursorRseq, range.to - 1);
  const wouldHaveFired: BacktestFiring[] = [];
  let evaluations = 0;
  let nextAt = range.from;
  const step = (at: number): void => {
    const now = recordedNow(state);
    // Only the rule's target is built: a network rule need not turn 50,000 segments into inputs per step.
    const entities = {
      segment: rule.target === 'segment' ? segmentEntitiesFromSpeeds(city, state.speeds, at) : [],
      network: now && rule.target === 'network' ? [areaEntity(now.network, at)] : [],
      district: now && rule.target === 'district' ? now.districts.map((d) => areaEntity(d, at)) : [],
    };
    const result = evaluate(engine, { entities }, at);
    engine = result.engine;
    evaluations += 1;
    for (const e of result.events) wouldHaveFired.push(firing(e));
  };
  for (const frame of frames) {
    while (nextAt < frame.at) {
      if (state.frameAt !== null) step(nextAt);
      nextAt += BACKTEST_STEP_MS;
    }
    applyRecordedFrame(state, frame);
  }
  while (nextAt < range.to && state.frameAt !== null) {
    step(nextAt);
    nextAt += BACKTEST_STEP_MS;
  }
  const actuallyFired = (await store.events(range))
    .filter((e) => e.stream === 'alert' && (e.payload as { ruleId?: unknown } | null)?.ruleId === rule.id)
    .map((e) => firing(e.payload as { at: number; type: string; entityId: string; severity?: string }));
  return { date, ruleId: rule.id, evaluations, wouldHaveFired, actuallyFired };
}
