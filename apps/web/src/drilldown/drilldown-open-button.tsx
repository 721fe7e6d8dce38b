import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { DrilldownSelection } from './pick-map-feature';
import './drilldown.css';

/** A button over a map that opens the drill-down of `selection` (e.g. the selected case's segment). */
export function DrilldownOpenButton({
  selection,
  onOpen,
}: {
  selection: DrilldownSelection;
  onOpen: (selection: DrilldownSelection) => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="drilldown-open"
      data-testid="drilldown-open"
      onClick={() => onOpen(selection)}
    >
      ⤢ {t('drilldown.open')} · {selection.kind === 'network' ? t('drilldown.network') : selection.id}
    </button>
  );
}
