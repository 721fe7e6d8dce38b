import { useEffect, useLayoutEffect, useRef } from 'react';
import type { OfficerActionType } from '@cbo/contracts';
import { ACTION_KEYS } from './action-keys';

/** What the keys do; the screen supplies the handlers. */
export interface OpsShortcutHandlers {
  move: (step: 1 | -1) => void;
  toggleHelp: () => void;
  closeHelp: () => void;
  toggleSound: () => void;
}

const ACTION_BY_KEY = new Map(
  Object.entries(ACTION_KEYS).map(([type, key]) => [key, type as OfficerActionType]),
);

/** True when a key press belongs to a field being typed in, or comes with a modifier. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
    return true;
  return event.ctrlKey || event.metaKey || event.altKey;
}

/** Calls `onAction` for the action keys of {@link ACTION_KEYS} (the case view listens while a case is open). */
export function useActionKeys(onAction: (type: OfficerActionType) => void): void {
  const ref = useRef(onAction);
  // Layout effect: the handler is current before the browser paints the status it acts on.
  useLayoutEffect(() => {
    ref.current = onAction;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      const action = ACTION_BY_KEY.get(event.key);
      if (action === undefined) return;
      event.preventDefault();
      ref.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Keyboard shortcuts of /ops; ignored while typing in a field or with a modifier held. */
export function useOpsShortcuts(handlers: OpsShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const h = ref.current;
      const key = event.key;
      if (key === '?') h.toggleHelp();
      else if (key === 'Escape') h.closeHelp();
      else if (key === 'j' || key === 'ArrowDown') h.move(1);
      else if (key === 'k' || key === 'ArrowUp') h.move(-1);
      else if (key === 'm') h.toggleSound();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
