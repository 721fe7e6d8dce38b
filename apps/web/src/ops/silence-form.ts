import {
  SILENCE_FIELDS,
  type Silence,
  type SilenceField,
  type SilenceMatcher,
  type SilenceRequest,
} from '@cbo/contracts';

/** What the silence form holds while it is edited (times as `datetime-local` strings, local time). */
export interface SilenceDraft {
  readonly matchers: readonly SilenceMatcher[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly reason: string;
}

/** A problem with the draft: a message key of the dictionaries, with the matcher row when it is one. */
export interface SilenceProblem {
  readonly key:
    | 'silences.error.noMatcher'
    | 'silences.error.emptyValue'
    | 'silences.error.badTime'
    | 'silences.error.endBeforeStart'
    | 'silences.error.endPassed'
    | 'silences.error.noReason';
  readonly row?: number;
}

/** Format epoch ms as a `datetime-local` value in the browser's time zone (minutes). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new draft: one empty entity matcher, from `now` for two hours. */
export function emptySilenceDraft(now: number): SilenceDraft {
  return {
    matchers: [{ field: 'entity', op: '=', value: '' }],
    startsAt: toLocalInput(now),
    endsAt: toLocalInput(now + 2 * 3_600_000),
    reason: '',
  };
}

/** True when `field` is one a matcher may test. */
export function isSilenceField(field: string): field is SilenceField {
  return (SILENCE_FIELDS as readonly string[]).includes(field);
}

/**
 * Check a draft at `now` (server time): at least one matcher, no empty value, both times readable, the end
 * after the start and not passed, a reason. Returns the request to POST, or every problem found.
 */
export function checkSilenceDraft(
  draft: SilenceDraft,
  now: number,
): { request: SilenceRequest } | { problems: SilenceProblem[] } {
  const problems: SilenceProblem[] = [];
  if (draft.matchers.length === 0) problems.push({ key: 'silences.error.noMatcher' });
  draft.matchers.forEach((m, row) => {
    if (m.value.trim() === '') problems.push({ key: 'silences.error.emptyValue', row });
  });
  const startsAt = Date.parse(draft.startsAt);
  const endsAt = Date.parse(draft.endsAt);
  if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) problems.push({ key: 'silences.error.badTime' });
  else if (endsAt <= startsAt) problems.push({ key: 'silences.error.endBeforeStart' });
  else if (endsAt <= now) problems.push({ key: 'silences.error.endPassed' });
  if (draft.reason.trim() === '') problems.push({ key: 'silences.error.noReason' });
  if (problems.length > 0) return { problems };
  return {
    request: {
      matchers: draft.matchers.map((m) => ({ ...m, value: m.value.trim() })),
      startsAt,
      endsAt,
      comment: draft.reason.trim(),
    },
  };
}

/** Silences in force at `now` and those still to come (ended ones are left out), each by start time. */
export function partitionSilences(
  silences: readonly Silence[],
  now: number,
): { active: Silence[]; scheduled: Silence[] } {
  const byStart = [...silences].sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : 1));
  return {
    active: byStart.filter((s) => s.startsAt <= now && now < s.endsAt),
    scheduled: byStart.filter((s) => s.startsAt > now),
  };
}

/** A matcher as one line, e.g. `entity = seg-12`. */
export function formatMatcher(m: SilenceMatcher): string {
  return `${m.field} ${m.op} ${m.value}`;
}
