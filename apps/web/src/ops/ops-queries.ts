import { queryOptions } from '@tanstack/react-query';
import { Type } from '@sinclair/typebox';
import { CaseDetailSchema, OpsSnapshotSchema, SegmentReadingsSchema, UnitSchema } from '@cbo/contracts';
import type { OpsSnapshot } from '@cbo/contracts';
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
    // A socket snapshot can arrive while this fetch is under way (a screen connecting or reconnecting): an
    // answer older than the snapshot held keeps the one held, so the screen never steps back.
    queryFn: async ({ signal, client }) => {
      const fetched = await fetchValidated('/api/v1/ops/snapshot', OpsSnapshotSchema, signal);
      const held = client.getQueryData<OpsSnapshot>(opsKeys.snapshot);
      return held !== undefined && held.at > fetched.at ? held : fetched;
    },
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
