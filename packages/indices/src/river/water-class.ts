import type { WaterClass } from '@cbo/contracts';

/** The four parameters the class is computed from (GB 3838-2002, Table 1, basic items). */
export const WATER_QUALITY_PARAMETERS = ['doMgL', 'codMnMgL', 'nh3nMgL', 'tpMgL'] as const;
export type WaterQualityParameter = (typeof WATER_QUALITY_PARAMETERS)[number];

/** A sample of the four parameters, mg/L. */
export type WaterQualitySample = Readonly<Record<WaterQualityParameter, number>>;

/**
 * Class limits of GB 3838-2002 Table 1 for classes I..V, mg/L. Dissolved oxygen is a lower bound (>=), the
 * others upper bounds (<=). DO class I is "saturation 90 % (or 7.5)": the 7.5 mg/L figure is used.
 */
export const GB3838_LIMITS: Readonly<Record<WaterQualityParameter, readonly number[]>> = {
  doMgL: [7.5, 6, 5, 3, 2],
  codMnMgL: [2, 4, 6, 10, 15],
  nh3nMgL: [0.15, 0.5, 1.0, 1.5, 2.0],
  tpMgL: [0.02, 0.1, 0.2, 0.3, 0.4],
};

/** Total-phosphorus limits for lakes and reservoirs (湖、库), GB 3838-2002 Table 1, mg/L. */
export const GB3838_LAKE_TP_LIMITS: readonly number[] = [0.01, 0.025, 0.05, 0.1, 0.2];

/** Options of {@link classForParameter} and {@link waterClass}. */
export interface WaterClassOptions {
  /** Apply the lake and reservoir total-phosphorus limits. @default false */
  isLake?: boolean;
}

/**
 * Class of one parameter value: the best class whose limit the value meets, 6 (劣V) when it meets none.
 * A value exactly on a limit meets it (DO >= limit, others <= limit).
 *
 * @throws RangeError on a negative or non-finite value
 */
export function classForParameter(
  parameter: WaterQualityParameter,
  valueMgL: number,
  options: WaterClassOptions = {},
): WaterClass {
  if (!(Number.isFinite(valueMgL) && valueMgL >= 0)) {
    throw new RangeError(`${parameter} must be a finite number >= 0 mg/L, got ${valueMgL}`);
  }
  const limits = parameter === 'tpMgL' && options.isLake ? GB3838_LAKE_TP_LIMITS : GB3838_LIMITS[parameter];
  for (let c = 0; c < limits.length; c += 1) {
    const limit = limits[c] as number;
    if (parameter === 'doMgL' ? valueMgL >= limit : valueMgL <= limit) return (c + 1) as WaterClass;
  }
  return 6;
}

/** Result of {@link waterClass}. */
export interface WaterClassResult {
  /** The worst single-factor class. */
  waterClass: WaterClass;
  /** Parameters that reach that class (the deciding factors), in {@link WATER_QUALITY_PARAMETERS} order. */
  worstFactors: WaterQualityParameter[];
  /** Class of each parameter. */
  factorClasses: Record<WaterQualityParameter, WaterClass>;
}

/**
 * Water class of a sample by the single-factor method of GB 3838-2002 (the worst class among the
 * parameters decides), from DO, COD_Mn, NH3-N and TP.
 */
export function waterClass(sample: WaterQualitySample, options: WaterClassOptions = {}): WaterClassResult {
  const factorClasses = {} as Record<WaterQualityParameter, WaterClass>;
  let worst: WaterClass = 1;
  for (const p of WATER_QUALITY_PARAMETERS) {
    const c = classForParameter(p, sample[p], options);
    factorClasses[p] = c;
    if (c > worst) worst = c;
  }
  const worstFactors = WATER_QUALITY_PARAMETERS.filter((p) => factorClasses[p] === worst);
  return { waterClass: worst, worstFactors, factorClasses };
}
