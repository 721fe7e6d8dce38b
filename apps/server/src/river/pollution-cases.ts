import type { Case, Unit } from '@cbo/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { SYSTEM_ACTOR, type CaseService } from '../cases/case-service';
import type { RiverService } from './river-service';

/** Kind of the alert rule (fixtures/rules/river.json) whose cases are pollution events. */
export const POLLUTION_CASE_KIND = 'river-pollution';

const SYSTEM = { id: SYSTEM_ACTOR, name: SYSTEM_ACTOR };

/**
 * The river-enforcement unit for a water: the unit whose id names the water (`re-grand-canal` for
 * `grand-canal`), else the one for urban rivers, else the first river-enforcement unit; null without any.
 */
export function enforcementUnitFor(units: readonly Unit[], waterId: string): Unit | null {
  const river = units.filter((u) => u.kind === 'river-enforcement');
  return (
    river.find((u) => waterId.startsWith(u.id.replace(/^re-/, ''))) ??
    river.find((u) => u.id === 're-urban-rivers') ??
    river[0] ??
    null
  );
}

/**
 * Files a just-opened pollution case and dispatches it to the river-enforcement unit of the event's water
 * (the camera's reach); the unit then reports `enforced-on-site`, `educated` or `no-violation-found`
 * through the case's `report` action.
 */
export async function dispatchPollutionCase(
  cases: CaseService,
  river: Pick<RiverService, 'network' | 'events'>,
  opened: Case,
  log: FastifyBaseLogger,
): Promise<void> {
  const eventId = opened.alerts[0]?.entityId ?? '';
  const { network } = river;
  const cameraId = river.events.get(eventId)?.cameraId ?? '';
  const camera = network.cameras[network.cameraIndexById.get(cameraId) ?? -1];
  const reach = network.reaches[network.reachIndexById.get(camera?.reachId ?? '') ?? -1];
  const unit = enforcementUnitFor(cases.units(), reach?.waterId ?? camera?.waterId ?? '');
  if (unit === null) return;
  const at = opened.updatedAt;
  const filed = await cases.act(
    opened.id,
    { type: 'file', revision: opened.revision, comment: 'pollution event' },
    SYSTEM,
    at,
  );
  if ('error' in filed)
    return void log.warn({ caseId: opened.id, reason: filed.error.message }, 'pollution case not filed');
  const dispatched = await cases.act(
    opened.id,
    { type: 'dispatch', revision: filed.case.revision, unitId: unit.id },
    SYSTEM,
    at,
  );
  if ('error' in dispatched)
    log.warn({ caseId: opened.id, reason: dispatched.error.message }, 'pollution case not dispatched');
}
