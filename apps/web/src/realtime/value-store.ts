/**
 * A tiny observable value for `useSyncExternalStore`: client state that is not server state (connection
 * status, the version of binary map attributes). Listeners run synchronously on every change.
 */
export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  /** The current value (stable between changes). */
  readonly get = (): T => this.value;

  /** Registers a listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Replaces the value and notifies listeners when it changed. */
  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }
}
