import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { BikeOverlayOptions } from './use-bike-overlay';

/** The layer choices of the /bikes map. */
export type BikeLayerChoice = Omit<BikeOverlayOptions, 'scale'>;

const MODES = ['points', 'hexagons', 'off'] as const;

/** Bikes as dots, as density hexagons, or hidden; stations and zones on or off. */
export function BikeLayerToggle({
  value,
  onChange,
}: {
  value: BikeLayerChoice;
  onChange: (next: BikeLayerChoice) => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="bike-layer-toggle" role="group" aria-label={t('bikes.layers')}>
      {MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={value.bikes === mode}
          data-testid={`bike-layer-${mode}`}
          onClick={() => onChange({ ...value, bikes: mode })}
        >
          {t(`bikes.layer.${mode}`)}
        </button>
      ))}
      <label>
        <input
          type="checkbox"
          checked={value.stations}
          onChange={(event) => onChange({ ...value, stations: event.target.checked })}
        />
        {t('bikes.layer.stations')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={value.zones}
          onChange={(event) => onChange({ ...value, zones: event.target.checked })}
        />
        {t('bikes.layer.zones')}
      </label>
    </div>
  );
}
