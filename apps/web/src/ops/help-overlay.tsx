import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionaries';
import { ACTION_KEYS } from './action-keys';

/** Shortcuts besides the action keys. */
export const NAVIGATION_KEYS: readonly (readonly [string, MessageKey])[] = [
  ['j / ↓', 'ops.key.next'],
  ['k / ↑', 'ops.key.prev'],
  ['m', 'ops.key.mute'],
  ['?', 'ops.key.help'],
];

/** The keyboard shortcuts, over the screen; Esc or a click closes it. */
export function HelpOverlay({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useI18n();
  const rows: [string, MessageKey][] = [
    ...NAVIGATION_KEYS.map(([key, label]) => [key, label] as [string, MessageKey]),
    ...Object.entries(ACTION_KEYS).map(([action, key]) => [key, `ops.key.${action}`] as [string, MessageKey]),
  ];
  return (
    <div
      className="ops-help"
      role="dialog"
      aria-modal="true"
      aria-label={t('ops.help.title')}
      onClick={onClose}
      data-testid="help-overlay"
    >
      <div className="ops-help__panel" onClick={(e) => e.stopPropagation()}>
        <h2>{t('ops.help.title')}</h2>
        <table>
          <tbody>
            {rows.map(([key, label]) => (
              <tr key={label}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="ops-button" onClick={onClose}>
          {t('ops.help.close')}
        </button>
      </div>
    </div>
  );
}
