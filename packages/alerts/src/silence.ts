import type { EpochMs, Silence, SilenceField, SilenceMatcher } from '@cbo/contracts';

/** The labels of an alert contributor that silences match on. */
export type AlertLabels = Readonly<Record<SilenceField, string>>;

/** True when the silence is in force at `now`: `startsAt <= now < endsAt`. */
export function isSilenceActive(silence: Silence, now: EpochMs): boolean {
  return silence.startsAt <= now && now < silence.endsAt;
}

function matcherMatches(m: SilenceMatcher, labels: AlertLabels): boolean {
  const value = labels[m.field];
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case 'prefix':
      return value.startsWith(m.value);
  }
}

/** True when every matcher of the silence matches the labels (the time window is not checked). */
export function silenceMatches(silence: Silence, labels: AlertLabels): boolean {
  return silence.matchers.every((m) => matcherMatches(m, labels));
}

/** True when any silence in force at `now` matches any of the label sets. */
export function isSilenced(
  silences: readonly Silence[],
  labelSets: readonly AlertLabels[],
  now: EpochMs,
): boolean {
  return silences.some(
    (s) => isSilenceActive(s, now) && labelSets.some((labels) => silenceMatches(s, labels)),
  );
}
