import type { City } from '@cbo/city';
import type { CaseEvent } from '@cbo/contracts';
import type { ObservationRecord } from '../history/history-store';
import { csvLine } from '../history/segments-csv';
import type { EntityMinute } from './evidence-minutes';

const iso = (at: number): string => new Date(at).toISOString();

/** The case's action log, one line per event (ISO UTC time and epoch ms). */
export function actionLogCsv(events: readonly CaseEvent[]): string {
  let out = csvLine([
    'at',
    'at_ms',
    'revision',
    'action',
    'actor',
    'from',
    'to',
    'comment',
    'unit_id',
    'due_at',
    'reason',
    'result',
    'level',
    'alert_key',
  ]);
  for (const e of events) {
    out += csvLine([
      iso(e.at),
      e.at,
      e.revision,
      e.action,
      e.actor,
      e.from,
      e.to,
      e.comment,
      e.unitId ?? null,
      e.dueAt === undefined ? null : iso(e.dueAt),
      e.reason ?? null,
      e.result ?? null,
      e.level ?? null,
      e.alertKey ?? null,
    ]);
  }
  return out;
}

/** Raw observations as recorded (flow empty when the reading had none). */
export function observationsCsv(observations: readonly ObservationRecord[], city: City): string {
  let out = csvLine([
    'observed_at',
    'observed_at_ms',
    'received_at_ms',
    'segment_id',
    'speed_kmh',
    'flow_vph',
    'source',
  ]);
  for (const o of observations) {
    const id = city.segments[o.segmentIndex]?.id ?? `#${o.segmentIndex}`;
    out += csvLine([iso(o.observedAt), o.observedAt, o.receivedAt, id, o.speedKmh, o.flowVph, o.source]);
  }
  return out;
}

/** Per-minute chart data of the case's entities. */
export function minutesCsv(minutes: readonly EntityMinute[]): string {
  let out = csvLine(['minute', 'minute_ms', 'target', 'entity_id', 'readings', 'speed_kmh', 'tti']);
  for (const m of minutes) {
    const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
    out += csvLine([iso(m.at), m.at, m.target, m.entityId, m.readings, round(m.speedKmh), round(m.tti)]);
  }
  return out;
}
