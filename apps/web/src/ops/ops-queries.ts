import { queryOptions } from '@tanstack/react-query';
import { Type } from '@sinclair/typebox';
import { CaseDetailSchema, OpsSnapshotSchema, SegmentReadingsSchema, UnitSchema } from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the ops screens, in one place. */
export const opsKeys = {
  snapshot: ['ops', 'snapshot'] as const,
  units: ['ops', 'units'] as const,
  case: (id: string) => ['ops', 'case', id] as const,
  readings: (segmentId: string) => ['ops', 'readings', segmentId] as const,
};

const UnitListSchema = Type.Object({ units: Type.Array(UnitSchema) });

/** Open and recent cases, firing alerts and KPIs; the ops socket bridge keeps it current. */
export function opsSnapshotQuery() {
  return queryOptions({
    queryKey: opsKeys.snapshot,
    queryFn: ({ signal }) => fetchValidated('/api/v1/ops/snapshot', OpsSnapshotSchema, signal),
    staleTime: Infinity,
    // Re-fetched now and then to repair anything a socket gap missed.
    refetchInterval: 300_000,
  });
}

/** Units cases are dispatched to. */
export function unitsQuery() {
  return queryOptions({
    queryKey: opsKeys.units,
    queryFn: async ({ signal }) => (await fetchValidated('/api/v1/units', UnitListSchema, signal)).units,
    staleTime: Infinity,
  });
}

/** One case with its timeline; the bridge appends pushed events. */
export function caseDetailQuery(id: string) {
  return queryOptions({
    queryKey: opsKeys.case(id),
    queryFn: ({ signal }) =>
      fetchValidated(`/api/v1/cases/${encodeURIComponent(id)}`, CaseDetailSchema, signal),
    staleTime: Infinity,
  });
}

/** A segment's speed and TTI per minute over the last hour; refreshed each minute. */
export function segmentReadingsQuery(segmentId: string) {
  return queryOptions({
    queryKey: opsKeys.readings(segmentId),
    queryFn: ({ signal }) =>
      fetchValidated(
        `/api/v1/ops/segments/${encodeURIComponent(segmentId)}/readings`,
        SegmentReadingsSchema,
        signal,
      ),
    refetchInterval: 60_000,
  });
}
