import { useState } from 'react';

/**
 * `value` when `key` changes, else the value last returned for that key: lets a new array that draws the same
 * thing (a tick's fresh copy of unchanged data) keep its identity, so the map does not redraw for it.
 */
export function useStableByKey<T>(value: T, key: string): T {
  const [held, setHeld] = useState({ key, value });
  if (held.key !== key) {
    // Adjusting state while rendering (React's pattern for state derived from props): no extra commit.
    setHeld({ key, value });
    return value;
  }
  return held.value;
}
