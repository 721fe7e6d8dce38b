/**
 * Network demand over capacity (d/c) by local time of day, before per-segment factors. Shapes follow the
 * usual urban pattern: on weekdays a sharp morning peak (07:30-09:00) and a broader evening peak
 * (17:00-19:00) over a daytime plateau, low at night; on weekends a later start, a broad midday hump and
 * smaller peaks, with activity lasting later into the night.
 */

function gauss(minute: number, centreMinute: number, sigmaMinutes: number): number {
  const z = (minute - centreMinute) / sigmaMinutes;
  return Math.exp(-0.5 * z * z);
}

/** Smooth 0 -> 1 step centred at `centreMinute` with a width of about 4 x `widthMinutes`. */
function rise(minute: number, centreMinute: number, widthMinutes: number): number {
  return 1 / (1 + Math.exp(-(minute - centreMinute) / widthMinutes));
}

function weekdayDemand(minute: number): number {
  const daytime = rise(minute, 6 * 60 + 30, 25) * (1 - rise(minute, 21 * 60 + 45, 35));
  return (
    0.22 +
    0.58 * daytime +
    0.58 * gauss(minute, 8 * 60 + 15, 45) +
    0.55 * gauss(minute, 18 * 60, 60) +
    0.06 * gauss(minute, 12 * 60 + 30, 60)
  );
}

function weekendDemand(minute: number): number {
  const daytime = rise(minute, 8 * 60 + 15, 35) * (1 - rise(minute, 22 * 60 + 45, 40));
  return (
    0.26 +
    0.42 * daytime +
    0.22 * gauss(minute, 10 * 60 + 30, 60) +
    0.3 * gauss(minute, 14 * 60 + 30, 150) +
    0.25 * gauss(minute, 18 * 60 + 30, 60)
  );
}

/**
 * Demand over capacity of an average segment at `minuteOfDay` (0-1440) local time; `weekend` selects the
 * Saturday and Sunday shape. Public holidays are not modelled.
 */
export function demandRatio(minuteOfDay: number, weekend: boolean): number {
  return weekend ? weekendDemand(minuteOfDay) : weekdayDemand(minuteOfDay);
}
