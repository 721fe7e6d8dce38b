import { readFile } from 'node:fs/promises';
import { Value } from '@sinclair/typebox/value';
import { UnitSchema, type Unit } from '@cbo/contracts';

/**
 * Reads the units fixture (`{ units: Unit[] }`).
 * @throws naming the file and the first bad unit: a broken fixture is a deployment error
 */
export async function readUnits(path: string): Promise<Unit[]> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { units?: unknown };
  if (!Array.isArray(parsed.units)) throw new Error(`${path}: expected { "units": [...] }`);
  const seen = new Set<string>();
  return parsed.units.map((unit: unknown, index) => {
    if (!Value.Check(UnitSchema, unit)) {
      const first = Value.Errors(UnitSchema, unit).First();
      throw new Error(`${path}: units[${index}]${first?.path ?? ''} ${first?.message ?? 'is invalid'}`);
    }
    if (seen.has(unit.id)) throw new Error(`${path}: unit id ${unit.id} is used twice`);
    seen.add(unit.id);
    return unit;
  });
}
