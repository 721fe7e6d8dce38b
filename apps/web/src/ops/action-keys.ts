import type { OfficerActionType } from '@cbo/contracts';

/** Keyboard key of each action (also listed in the help overlay). */
export const ACTION_KEYS: Readonly<Record<OfficerActionType, string>> = {
  file: 'f',
  dispatch: 'd',
  start: 's',
  report: 'r',
  verify: 'v',
  reject: 'b',
  close: 'x',
  dismiss: 'z',
  comment: 'c',
};
