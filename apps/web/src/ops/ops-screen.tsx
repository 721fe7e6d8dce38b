import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { Case, LngLat } from '@cbo/contracts';
import { cityQuery } from '../queries/traffic-queries';
import { useTrafficBridge } from '../realtime/use-traffic-bridge';
import { useI18n } from '../i18n/i18n-context';
import { LanguageToggle } from '../header/language-toggle';
import { SessionBadge } from '../auth/session-badge';
import { ConnectionBadge } from '../status/connection-badge';
import { useServerNow } from '../status/use-server-now';
import { notifyDesktop, playAlarmBeep, requestNotificationPermission } from './alarm';
import { casePaths } from './case-focus';
import { CaseInbox } from './case-inbox';
import { CaseView } from './case-view';
import { DEFAULT_FILTERS, filterCases, type CaseFilters } from './filter-cases';
import { HelpOverlay } from './help-overlay';
import { opsSnapshotQuery, unitsQuery } from './ops-queries';
import { OpsMap } from './ops-map';
import { SEVERITY_STYLE } from './severity-badge';
import { useOpsBridge } from './use-ops-bridge';
import { useOpsShortcuts } from './use-ops-shortcuts';
import { describeCaseLocation } from './case-labels';
import { DrilldownPanel } from '../drilldown/drilldown-panel';
import { DrilldownOpenButton } from '../drilldown/drilldown-open-button';
import { useDrilldownSelection } from '../drilldown/use-drilldown-selection';
import { caseDrilldownSelection } from '../drilldown/case-drilldown-selection';
import { useIncidentOverlay } from '../map/incident-overlay';
import { incidentSelectionOf } from '../map/incident-layers';
import './ops.css';

const NO_CASES: Case[] = [];
const NO_PATHS: LngLat[][] = [];

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** `/ops`, the duty officer's workspace: inbox, map focused on the case, case view with actions. */
export function OpsScreen(): ReactNode {
  const { t, locale } = useI18n();
  const { data: city } = useSuspenseQuery(cityQuery());
  const { data: snapshot } = useQuery(opsSnapshotQuery());
  const { data: units = [] } = useQuery(unitsQuery());
  const traffic = useTrafficBridge(city);
  const now = useServerNow(1000);
  const [filters, setFilters] = useState<CaseFilters>(DEFAULT_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [sound, setSound] = useState(true);

  const onRedCase = useCallback(
    (c: Case) => {
      if (sound) playAlarmBeep();
      notifyDesktop(t('ops.notification.title'), `${c.id} · ${describeCaseLocation(c, city, locale)}`, c.id);
    },
    [sound, t, city, locale],
  );
  const { connection } = useOpsBridge(onRedCase);

  const cases = useMemo(
    () => filterCases(snapshot?.cases ?? NO_CASES, filters, city),
    [snapshot, filters, city],
  );
  const selected = (snapshot?.cases ?? NO_CASES).find((c) => c.id === selectedId) ?? null;
  const focus = useMemo(() => (selected ? casePaths(selected, city) : NO_PATHS), [selected, city]);
  const drilldown = useDrilldownSelection();
  const incidentLayers = useIncidentOverlay(0.8);
  const caseDrilldown = selected ? caseDrilldownSelection(selected) : null;
  const focusColor = useMemo(
    () => rgb(SEVERITY_STYLE[selected?.severity ?? 'blue'].color),
    [selected?.severity],
  );
  const move = (step: 1 | -1) => {
    if (cases.length === 0) return;
    const index = cases.findIndex((c) => c.id === selectedId);
    const next = index === -1 ? 0 : Math.min(cases.length - 1, Math.max(0, index + step));
    setSelectedId(cases[next]?.id ?? null);
  };
  useOpsShortcuts({
    move,
    toggleHelp: () => setHelp((h) => !h),
    closeHelp: () => setHelp(false),
    toggleSound: () => setSound((s) => !s),
  });

  return (
    <div className="ops" data-testid="ops">
      <header className="ops-header">
        <h1>
          {t('app.title')} · {t('ops.title')}
        </h1>
        <div className="ops-header__tools">
          <button
            type="button"
            className="ops-button"
            onClick={() => setSound((s) => !s)}
            aria-pressed={sound}
          >
            {sound ? '♪' : '✕'} {sound ? t('ops.sound.on') : t('ops.sound.off')} <kbd>m</kbd>
          </button>
          {typeof Notification !== 'undefined' && Notification.permission === 'default' && (
            <button type="button" className="ops-button" onClick={requestNotificationPermission}>
              {t('ops.notify')}
            </button>
          )}
          <button
            type="button"
            className="ops-button"
            onClick={() => setHelp(true)}
            data-testid="help-button"
          >
            {t('ops.help')} <kbd>?</kbd>
          </button>
          <ConnectionBadge connection={connection === 'connected' ? traffic.connection : connection} />
          <SessionBadge />
          <LanguageToggle />
        </div>
      </header>
      <main className="ops-body">
        <CaseInbox
          city={city}
          cases={cases}
          filters={filters}
          onFilters={setFilters}
          selectedId={selectedId}
          onSelect={setSelectedId}
          now={now}
        />
        <section className="ops-main">
          <div className="ops-main__map">
            {traffic.segments && (
              <OpsMap
                city={city}
                segments={traffic.segments}
                segmentsVersion={traffic.segmentsVersion}
                focus={focus}
                focusColor={focusColor}
                onPick={drilldown.select}
                overlayLayers={incidentLayers}
                pickOverlay={incidentSelectionOf}
              />
            )}
            {caseDrilldown && !drilldown.selection && (
              <DrilldownOpenButton selection={caseDrilldown} onOpen={drilldown.select} />
            )}
            {drilldown.selection && (
              <DrilldownPanel
                selection={drilldown.selection}
                timeZone={city.timeZone}
                scale={0.8}
                onClose={drilldown.clear}
              />
            )}
          </div>
          <div className="ops-main__case">
            {selected ? (
              <CaseView
                city={city}
                current={selected}
                alerts={snapshot?.alerts ?? []}
                units={units}
                now={now}
              />
            ) : (
              <p className="ops-dim ops-main__empty">{t('ops.select')}</p>
            )}
          </div>
        </section>
      </main>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
