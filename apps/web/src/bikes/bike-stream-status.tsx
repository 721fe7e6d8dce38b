import { useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import type { BikeBridge } from './use-bike-bridge';

/** Bikes drawn on the map now (from the binary stream) and the stream's connection state. */
export function BikeStreamStatus({ bridge }: { bridge: BikeBridge }): ReactNode {
  const { t, locale } = useI18n();
  useSyncExternalStore(bridge.storeVersion.subscribe, bridge.storeVersion.get);
  const present = bridge.store.present;
  return (
    <span
      className="bike-stream-status"
      data-testid="bike-stream-status"
      data-connection={bridge.connection}
      data-bikes={present}
    >
      {t('bikes.onMap', { count: formatNumber(locale, present, 0) })}
    </span>
  );
}
