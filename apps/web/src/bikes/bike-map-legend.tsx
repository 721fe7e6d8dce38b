import type { ReactNode } from 'react';
import { BIKE_STATES } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionaries';
import {
  BIKE_STATE_COLORS,
  cssColor,
  HEX_DENSITY_BREAKS,
  HEX_DENSITY_COLORS,
  NO_PARKING_RING,
  NO_PERMIT_RING,
} from './bike-palette';
import type { BikeLayerMode } from './bike-layers';

const STATE_KEYS: Record<(typeof BIKE_STATES)[number], MessageKey> = {
  parked: 'bikes.state.parked',
  'in-use': 'bikes.state.inUse',
  faulty: 'bikes.state.faulty',
  reserved: 'bikes.state.reserved',
};

/** Legend of the bike layers: states and rings for dots, density classes for hexagons. */
export function BikeMapLegend({ mode }: { mode: BikeLayerMode | 'off' }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="bike-legend" data-testid="bike-legend">
      {mode === 'points' && (
        <>
          {BIKE_STATES.map((state, index) => (
            <span key={state} className="bike-legend__item">
              <i className="bike-legend__dot" style={{ background: cssColor(BIKE_STATE_COLORS[index]!) }} />
              {t(STATE_KEYS[state])}
            </span>
          ))}
          <span className="bike-legend__item">
            <i className="bike-legend__ring" style={{ borderColor: cssColor(NO_PERMIT_RING) }} />
            {t('bikes.legend.noPermit')}
          </span>
          <span className="bike-legend__item">
            <i className="bike-legend__ring" style={{ borderColor: cssColor(NO_PARKING_RING) }} />
            {t('bikes.legend.noParking')}
          </span>
        </>
      )}
      {mode === 'hexagons' && (
        <span className="bike-legend__item">
          {t('bikes.legend.density')}
          {HEX_DENSITY_BREAKS.map((lower, index) => (
            <span key={lower} className="bike-legend__class">
              <i
                className="bike-legend__hex"
                style={{ background: cssColor(HEX_DENSITY_COLORS[index + 1]!, 1) }}
              />
              {lower}+
            </span>
          ))}
        </span>
      )}
      <span className="bike-legend__item bike-legend__note">{t('bikes.legend.stations')}</span>
      <span className="bike-legend__item bike-legend__note">{t('bikes.legend.zones')}</span>
    </div>
  );
}
