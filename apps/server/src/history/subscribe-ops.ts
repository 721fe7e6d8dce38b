import type { FastifyInstance } from 'fastify';
import type { Recorder } from './recorder';

interface EventSource<T> {
  onEvent(listener: (event: T) => void): () => void;
}

interface AlertLike {
  type?: unknown;
  at?: unknown;
}

interface CaseChangeLike {
  events?: readonly { action?: unknown; actor?: unknown; at?: unknown }[];
}

function hasEvents<T>(value: unknown): value is EventSource<T> {
  return typeof (value as { onEvent?: unknown } | null)?.onEvent === 'function';
}

/** Actor name of events the system (rules, escalation) produced rather than an operator. */
const SYSTEM_ACTOR = 'system';

/**
 * Subscribes the recorder to the alert and case event hooks (`app.alerts.onEvent`, `app.cases.onEvent`) when
 * the app has them: alert events go to stream `alert` (kind = event type), case events to stream `case`
 * (kind = action), and case events by a person also to stream `action` (the operator action log).
 * @returns a function that unsubscribes
 */
export function subscribeRecorderToOps(app: FastifyInstance, recorder: Recorder): () => void {
  const unsubscribes: (() => void)[] = [];
  const decorated = app as unknown as { alerts?: unknown; cases?: unknown };
  if (hasEvents<readonly AlertLike[]>(decorated.alerts)) {
    unsubscribes.push(
      decorated.alerts.onEvent((events) => {
        for (const e of events) recorder.recordEvent('alert', String(e.type), Number(e.at), e);
      }),
    );
  }
  if (hasEvents<CaseChangeLike>(decorated.cases)) {
    unsubscribes.push(
      decorated.cases.onEvent((change) => {
        for (const e of change.events ?? []) {
          recorder.recordEvent('case', String(e.action), Number(e.at), e);
          if (e.actor !== SYSTEM_ACTOR) recorder.recordEvent('action', String(e.action), Number(e.at), e);
        }
      }),
    );
  }
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
