/**
 * Commuting tide of the bike simulator, as functions of local minute of day. Weekday mornings move bikes from
 * homes to offices (residential stations empty, offices fill), evenings move them back, and from 22:00 to
 * 05:00 the operators' night rebalancing restores the morning distribution (trucks: bikes move but are not
 * ridden). Weekends swing less.
 */

const smoothstep = (from: number, to: number, x: number): number => {
  const t = Math.max(0, Math.min(1, (x - from) / (to - from)));
  return t * t * (3 - 2 * t);
};

/** Share of commuter bikes parked on the office side at `minuteOfDay` (0-1). */
export function officeShare(minuteOfDay: number, weekend: boolean): number {
  const [night, day, evening] = weekend ? [0.1, 0.3, 0.2] : [0.08, 0.75, 0.25];
  const m = minuteOfDay;
  if (m < 300) return evening + (night - evening) * smoothstep(-120, 300, m);
  if (m < 390) return night;
  if (m < 600) return night + (day - night) * smoothstep(390, 570, m);
  if (m < 1020) return day;
  if (m < 1320) return day + (evening - day) * smoothstep(1020, 1200, m);
  return evening + (night - evening) * smoothstep(1320, 1740, m);
}

/** True while the shift in {@link officeShare} is night rebalancing (bikes moved by truck, not ridden). */
export function isRebalancing(minuteOfDay: number): boolean {
  return minuteOfDay >= 1320 || minuteOfDay < 300;
}

/** Share of bikes on a leisure or errand ride at `minuteOfDay` (0-1). */
export function leisureShare(minuteOfDay: number, weekend: boolean): number {
  const m = minuteOfDay;
  if (m < 360) return 0.004;
  if (m < 1320) return weekend ? 0.06 : 0.035;
  return 0.015;
}

/**
 * Fill of a docked station (bikes / capacity) by the use of its area: residential stations empty in the
 * morning and refill in the evening, office stations the other way round, mixed ones stay near half.
 */
export function stationFillShare(
  use: 'residential' | 'office' | 'mixed',
  minuteOfDay: number,
  weekend: boolean,
): number {
  const tide = (officeShare(minuteOfDay, weekend) - 0.08) / (0.75 - 0.08);
  if (use === 'residential') return 0.72 - 0.6 * tide;
  if (use === 'office') return 0.25 + 0.68 * tide;
  return 0.5 - 0.1 * tide;
}
