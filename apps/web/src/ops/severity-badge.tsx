import type { ReactNode } from 'react';
import type { AlertSeverity } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';

/**
 * Severity colours from the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies),
 * each with a second cue: its own shape and its word.
 */
export const SEVERITY_STYLE: Readonly<Record<AlertSeverity, { color: string; shape: string; ink: string }>> =
  {
    blue: { color: '#0072B2', shape: '●', ink: '#ffffff' },
    yellow: { color: '#F0E442', shape: '▲', ink: '#111111' },
    orange: { color: '#E69F00', shape: '◆', ink: '#111111' },
    red: { color: '#D55E00', shape: '■', ink: '#ffffff' },
  };

/** A severity chip: colour, shape and label. */
export function SeverityBadge({
  severity,
  compact = false,
}: {
  severity: AlertSeverity;
  compact?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const style = SEVERITY_STYLE[severity];
  return (
    <span
      className={`severity-badge severity-badge--${severity}`}
      style={{ background: style.color, color: style.ink }}
      data-severity={severity}
    >
      <span aria-hidden="true">{style.shape}</span>
      {!compact && <span>{t(`ops.severity.${severity}`)}</span>}
    </span>
  );
}
