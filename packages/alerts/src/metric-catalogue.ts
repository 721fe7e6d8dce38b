import type { AlertDomain, AlertTarget } from '@cbo/contracts';

/** What a rule may compare: one metric of one domain. */
export interface MetricSpec {
  /** Entity kinds that carry this metric. */
  readonly targets: readonly AlertTarget[];
  /** Unit, for display and docs. */
  readonly unit: string;
  /** Smallest possible value (validation uses it to find conditions that can never hold). */
  readonly min: number;
  /** Largest possible value. */
  readonly max: number;
  readonly description: string;
}

const AREAS: readonly AlertTarget[] = ['district', 'network'];
const TRAFFIC_ALL: readonly AlertTarget[] = ['segment', 'district', 'network'];
const INF = Number.POSITIVE_INFINITY;

/**
 * Targets each domain may watch. A rule's target must be one of its domain's.
 */
export const DOMAIN_TARGETS: Readonly<Record<AlertDomain, readonly AlertTarget[]>> = {
  traffic: ['segment', 'district', 'network'],
  river: ['gauge', 'station', 'district', 'reach', 'river-event'],
  bikes: ['station', 'zone', 'district', 'network', 'operator'],
  feeds: ['feed'],
};

/**
 * Metrics by domain: the vocabulary of rule conditions. The pipeline supplies these names as entity inputs;
 * a condition naming anything else is rejected by `validateRule`.
 */
export const ALERT_METRICS: Readonly<Record<AlertDomain, Readonly<Record<string, MetricSpec>>>> = {
  traffic: {
    tti: { targets: TRAFFIC_ALL, unit: '1', min: 1, max: INF, description: 'travel time index, >= 1' },
    tpi: { targets: TRAFFIC_ALL, unit: '0-10', min: 0, max: 10, description: 'traffic performance index' },
    level: { targets: TRAFFIC_ALL, unit: '1-5', min: 1, max: 5, description: 'congestion level GB/T 33171' },
    speedKmh: { targets: TRAFFIC_ALL, unit: 'km/h', min: 0, max: INF, description: 'speed' },
    congestedLengthShare: {
      targets: AREAS,
      unit: '0-1',
      min: 0,
      max: 1,
      description: 'share of fresh length at level 3 or worse',
    },
    congestionPoints: { targets: AREAS, unit: 'count', min: 0, max: INF, description: 'congestion points' },
    activeIncidents: { targets: AREAS, unit: 'count', min: 0, max: INF, description: 'suspected incidents' },
    coverage: { targets: AREAS, unit: '0-1', min: 0, max: 1, description: 'share of fresh inputs' },
    incidentConfidence: {
      targets: ['segment'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: 'suspected incident confidence (0 once cleared)',
    },
    illegalParking15m: {
      targets: ['segment', 'district'],
      unit: 'count',
      min: 0,
      max: INF,
      description: 'illegal-parking camera events in the last 15 min',
    },
    forecastTti15: { targets: AREAS, unit: '1', min: 1, max: INF, description: 'forecast TTI in 15 min' },
    forecastTti30: { targets: AREAS, unit: '1', min: 1, max: INF, description: 'forecast TTI in 30 min' },
    forecastTti60: { targets: AREAS, unit: '1', min: 1, max: INF, description: 'forecast TTI in 60 min' },
    flooded: {
      targets: ['segment'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: 'segment near an orange or red river gauge (1: taken as flooded)',
    },
  },
  river: {
    levelM: { targets: ['gauge'], unit: 'm', min: -INF, max: INF, description: 'water level' },
    warningMarginM: {
      targets: ['gauge'],
      unit: 'm',
      min: -INF,
      max: INF,
      description: 'level minus warning level (positive: above warning)',
    },
    riseRate1hM: { targets: ['gauge'], unit: 'm/h', min: -INF, max: INF, description: 'rise over 1 h' },
    riseRate3hM: { targets: ['gauge'], unit: 'm/3h', min: -INF, max: INF, description: 'rise over 3 h' },
    hoursToWarning: {
      targets: ['gauge'],
      unit: 'h',
      min: 0,
      max: INF,
      description: 'forecast time to warning',
    },
    signal: {
      targets: ['gauge', 'district', 'reach'],
      unit: '0-4',
      min: 0,
      max: 4,
      description: 'warning signal: 0 none, 1 blue, 2 yellow, 3 orange, 4 red',
    },
    waterClass: {
      targets: ['station', 'district'],
      unit: '1-6',
      min: 1,
      max: 6,
      description: 'GB 3838-2002 class, 6 = 劣V',
    },
    doMgL: { targets: ['station'], unit: 'mg/L', min: 0, max: INF, description: 'dissolved oxygen' },
    nh3nMgL: { targets: ['station'], unit: 'mg/L', min: 0, max: INF, description: 'ammonia nitrogen' },
    eventsPerHour: {
      targets: ['station', 'district'],
      unit: '1/h',
      min: 0,
      max: INF,
      description: 'river events',
    },
    classOverTarget: {
      targets: ['station'],
      unit: 'classes',
      min: -5,
      max: 5,
      description: 'water class minus target class (> 0: worse than target)',
    },
    silentMinutes: {
      targets: ['gauge', 'station'],
      unit: 'min',
      min: 0,
      max: INF,
      description: 'age of the newest reading',
    },
    pollutionOpen: {
      targets: ['river-event'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: 'a detected pollution event awaiting its case (1 for 24 h after detection)',
    },
  },
  bikes: {
    saturation: { targets: ['zone'], unit: '0-inf', min: 0, max: INF, description: 'parked / capacity' },
    noParkingCount: {
      targets: ['zone', 'district', 'network', 'operator'],
      unit: 'count',
      min: 0,
      max: INF,
      description: 'bikes in no-parking zones',
    },
    unpermittedCount: {
      targets: ['district', 'network', 'operator'],
      unit: 'count',
      min: 0,
      max: INF,
      description: 'bikes without a permit',
    },
    bikesAvailable: { targets: ['station'], unit: 'count', min: 0, max: INF, description: 'bikes available' },
    docksAvailable: { targets: ['station'], unit: 'count', min: 0, max: INF, description: 'docks available' },
    faultyShare: {
      targets: ['district', 'network'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: 'faulty bikes share',
    },
    fleetOverQuota: {
      targets: ['district', 'network', 'operator'],
      unit: 'count',
      min: -INF,
      max: INF,
      description: 'fleet minus quota',
    },
    rideRate: {
      targets: ['district', 'network', 'operator'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: 'ride rate: in use / fleet',
    },
    emptySoon: {
      targets: ['station'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: '1 when the station is forecast empty within 30 min',
    },
    fullSoon: {
      targets: ['station'],
      unit: '0-1',
      min: 0,
      max: 1,
      description: '1 when the station is forecast full within 30 min',
    },
  },
  feeds: {
    silentMs: { targets: ['feed'], unit: 'ms', min: 0, max: INF, description: 'time since the last batch' },
    silentRatio: {
      targets: ['feed'],
      unit: '1',
      min: 0,
      max: INF,
      description: 'silentMs over the feed silent threshold',
    },
    ratePerSec: { targets: ['feed'], unit: '1/s', min: 0, max: INF, description: 'accepted per second' },
    rejectedShare: { targets: ['feed'], unit: '0-1', min: 0, max: 1, description: 'rejected share' },
  },
};

/** The spec of a metric in a domain, or undefined when the domain has no such metric. */
export function findMetric(domain: AlertDomain, metric: string): MetricSpec | undefined {
  const byName = ALERT_METRICS[domain];
  return Object.prototype.hasOwnProperty.call(byName, metric) ? byName[metric] : undefined;
}
