import { useCallback, useState } from 'react';
import type { DrilldownSelection } from './pick-map-feature';

/** The drill-down's selection on a screen: the selected area (or null), a setter and a clearer. */
export function useDrilldownSelection(): {
  selection: DrilldownSelection | null;
  select: (selection: DrilldownSelection) => void;
  clear: () => void;
} {
  const [selection, setSelection] = useState<DrilldownSelection | null>(null);
  const clear = useCallback(() => setSelection(null), []);
  return { selection, select: setSelection, clear };
}
