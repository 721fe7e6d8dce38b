/** UN/CEFACT unit codes accepted per quantity, with the factor to the project's unit. */
export const LEVEL_UNITS: Readonly<Record<string, number>> = { MTR: 1, CMT: 0.01, MMT: 0.001 };
export const FLOW_UNITS: Readonly<Record<string, number>> = { MQS: 1, MQH: 1 / 3600 };
export const CONCENTRATION_UNITS: Readonly<Record<string, number>> = { M1: 1, GL: 1000, GQ: 0.001 };
export const TEMPERATURE_UNITS: Readonly<Record<string, number>> = { CEL: 1 };
export const TURBIDITY_UNITS: Readonly<Record<string, number>> = { NTU: 1 };

/** An attribute's plain value and its unit code (null when the entity gives none). */
export interface UnitValue {
  value: unknown;
  unitCode: string | null;
}

/**
 * Value and unit code of an attribute in key-values (no unit), normalized NGSI-v2
 * (`{ value, metadata: { unitCode: { value } } }`) or NGSI-LD (`{ type: 'Property', value, unitCode }`).
 */
export function attributeWithUnit(entity: Record<string, unknown>, name: string): UnitValue | undefined {
  const raw = entity[name];
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { value: raw, unitCode: null };
  const attr = raw as Record<string, unknown>;
  const metadata = attr['metadata'] as Record<string, unknown> | undefined;
  const metaUnit = (metadata?.['unitCode'] as Record<string, unknown> | undefined)?.['value'];
  const unit = typeof attr['unitCode'] === 'string' ? attr['unitCode'] : metaUnit;
  let value = 'value' in attr ? attr['value'] : 'object' in attr ? attr['object'] : raw;
  if (value !== null && typeof value === 'object' && '@value' in (value as Record<string, unknown>)) {
    value = (value as Record<string, unknown>)['@value'];
  }
  return { value, unitCode: typeof unit === 'string' ? unit : null };
}

/**
 * A number in the project's unit: the attribute's value times the factor of its unit code; without a unit
 * code, `defaultUnit` (the unit the FIWARE model documents). Returns the reason when the value is not a
 * number or the unit is not one of `units`.
 */
export function convertUnit(
  name: string,
  attribute: UnitValue,
  units: Readonly<Record<string, number>>,
  defaultUnit: string,
): number | { reason: string } {
  const { value, unitCode } = attribute;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { reason: `${name}: must be a number, got ${JSON.stringify(value)}` };
  }
  const code = unitCode ?? defaultUnit;
  const factor = units[code];
  if (factor === undefined) {
    return {
      reason: `${name}: unitCode '${code}' is not accepted (expected one of ${Object.keys(units).join(', ')})`,
    };
  }
  return value * factor;
}
