import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import {
  MAX_FUTURE_SKEW_MS,
  TrafficEventInputSchema,
  type RejectedItem,
  type TrafficEventInput,
} from '@cbo/contracts';
import { describeObservationError } from '../../ingest/observation-validator';

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv, ['date-time']);
const validateEventInput = ajv.compile<TrafficEventInput>(TrafficEventInputSchema);

/** Field names that suggest a vehicle plate or another personal identifier. */
const PLATE_KEY = /plate|licen[cs]e|registration|vrn|anpr|vehicle_?(no|num|number|id)|车牌|号牌|牌照/i;
/** A Chinese mainland plate: province character, a letter, then 5 letters or digits (6 on new-energy plates). */
const CHINESE_PLATE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·\s-]?[A-Z0-9]{5,6}/u;

/** The first reason an item looks like it carries a plate, or null. */
export function findPlate(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    return CHINESE_PLATE.test(value) ? `${path || 'item'}: value looks like a vehicle plate` : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const field = path ? `${path}.${key}` : key;
    if (PLATE_KEY.test(key))
      return `${field}: looks like a vehicle plate field; events must not carry plates`;
    const found = findPlate(child, field);
    if (found) return found;
  }
  return null;
}

/** A checked event with its index in the batch and its time as epoch ms. */
export interface CheckedEvent {
  index: number;
  input: TrafficEventInput;
  observedAt: number;
}

/**
 * Checks each item of a batch of camera events: no plate (checked first, whatever else is wrong), the
 * schema, a time after 1970 and not in the future. Returns the usable ones and the rejected with reasons.
 */
export function checkTrafficEvents(
  items: readonly unknown[],
  now: number,
): { checked: CheckedEvent[]; rejected: RejectedItem[] } {
  const checked: CheckedEvent[] = [];
  const rejected: RejectedItem[] = [];
  items.forEach((item, index) => {
    const plate = findPlate(item);
    if (plate) {
      rejected.push({ index, reason: plate });
      return;
    }
    if (!validateEventInput(item)) {
      rejected.push({ index, reason: describeObservationError(validateEventInput.errors) });
      return;
    }
    const observedAt = typeof item.observedAt === 'number' ? item.observedAt : Date.parse(item.observedAt);
    if (!(observedAt > 0)) {
      rejected.push({ index, reason: `observedAt: ${String(item.observedAt)} is not after 1970-01-01` });
    } else if (observedAt > now + MAX_FUTURE_SKEW_MS) {
      rejected.push({ index, reason: `observedAt: ${new Date(observedAt).toISOString()} is in the future` });
    } else {
      checked.push({ index, input: item, observedAt });
    }
  });
  return { checked, rejected };
}
