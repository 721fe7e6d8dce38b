import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { TrafficObservationInputSchema, type TrafficObservationInput } from '@cbo/contracts';

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv, ['date-time']);

/** Compiled once at module load: validates one `TrafficObservationInput` (ingest's hot path). */
export const validateObservationInput = ajv.compile<TrafficObservationInput>(TrafficObservationInputSchema);

function fieldOf(error: ErrorObject): string {
  return error.instancePath.slice(1).replaceAll('/', '.');
}

/**
 * Turns the validator's first error into a reason that names the field and the problem, e.g.
 * `speedKmh: must be <= 200`, `observedAt missing`, `lanes: unknown field`.
 */
export function describeObservationError(errors: readonly ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return 'invalid observation';
  const field = fieldOf(error);
  if (error.keyword === 'required') return `${String(error.params['missingProperty'])} missing`;
  if (error.keyword === 'additionalProperties')
    return `${String(error.params['additionalProperty'])}: unknown field`;
  if (field === 'observedAt')
    return 'observedAt: must be epoch ms (an integer >= 0) or an RFC 3339 date-time';
  if (field === '') return `observation: ${error.message ?? 'is invalid'}`;
  return `${field}: ${error.message ?? 'is invalid'}`;
}
