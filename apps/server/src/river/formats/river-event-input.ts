import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { RiverNetwork } from '@cbo/city';
import {
  POLLUTION_EVENT_KINDS,
  POLLUTION_KIND_ALIASES,
  RiverEventInputSchema,
  type PollutionEvent,
  type PollutionEventKind,
  type RejectedItem,
  type RiverEventInput,
} from '@cbo/contracts';
import { describeObservationError } from '../../ingest/observation-validator';
import { findPlate } from '../../traffic/formats/traffic-event-input';
import { inputTime, timeProblem } from './river-plausibility';

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv, ['date-time']);
const validateEventInput = ajv.compile<RiverEventInput>(RiverEventInputSchema);

/** Field names that suggest a face image or a person's identity. */
const PERSON_KEY =
  /face|portrait|person|people|identity|id_?card|idNumber|passport|phone|mobile|biometric|gait|name_?of|人脸|面部|人像|身份|姓名|手机/i;
/** A Chinese resident identity card number (17 digits and a digit or X). */
const ID_CARD = /(^|\D)\d{17}[\dXx](\D|$)/;

/** The first reason an item looks like it carries a face or a person's identifier, or null. */
export function findPersonalData(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    return ID_CARD.test(value) ? `${path || 'item'}: value looks like an identity card number` : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const field = path ? `${path}.${key}` : key;
    if (PERSON_KEY.test(key))
      return `${field}: looks like a face or personal identifier; events must never carry one`;
    const found = findPersonalData(child, field);
    if (found) return found;
  }
  return null;
}

/** The pollution kind of an input kind (aliases accepted), or null. */
export function pollutionKind(kind: string): PollutionEventKind | null {
  if ((POLLUTION_EVENT_KINDS as readonly string[]).includes(kind)) return kind as PollutionEventKind;
  return POLLUTION_KIND_ALIASES[kind] ?? null;
}

/**
 * Checks a batch of pollution detections: no face or personal identifier and no plate (checked first, whatever
 * else is wrong), the schema, a known kind and camera, a time not in the future. The event's reach is the
 * camera's; its position the given one or the camera's.
 */
export function checkRiverEvents(
  network: RiverNetwork,
  items: readonly unknown[],
  now: number,
  source: string,
): { events: { index: number; event: PollutionEvent }[]; rejected: RejectedItem[] } {
  const events: { index: number; event: PollutionEvent }[] = [];
  const rejected: RejectedItem[] = [];
  items.forEach((item, index) => {
    const personal = findPersonalData(item) ?? findPlate(item);
    if (personal) return void rejected.push({ index, reason: personal });
    if (!validateEventInput(item)) {
      return void rejected.push({ index, reason: describeObservationError(validateEventInput.errors) });
    }
    const kind = pollutionKind(item.kind);
    if (kind === null) {
      return void rejected.push({
        index,
        reason: `kind: '${item.kind}' is not one of ${POLLUTION_EVENT_KINDS.join(', ')}`,
      });
    }
    const cameraIndex = network.cameraIndexById.get(item.cameraId);
    if (cameraIndex === undefined) {
      return void rejected.push({
        index,
        reason: `cameraId: '${item.cameraId}' is not a river camera of this city`,
      });
    }
    const at = inputTime(item.observedAt);
    const problem =
      at === null
        ? `observedAt: '${String(item.observedAt)}' has no UTC offset`
        : timeProblem('observedAt', at, now);
    if (problem || at === null) return void rejected.push({ index, reason: problem ?? 'observedAt' });
    const camera = network.cameras[cameraIndex]!;
    events.push({
      index,
      event: {
        id: item.id ?? `${camera.id}:${at}`,
        kind,
        observedAt: at,
        position: item.position ?? camera.position,
        cameraId: camera.id,
        reachId: camera.reachId,
        confidence: item.confidence ?? 1,
        evidenceRef: item.evidenceRef,
        source,
      },
    });
  });
  return { events, rejected };
}
