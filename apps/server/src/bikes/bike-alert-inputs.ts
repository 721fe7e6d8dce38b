import type { EvaluationInput, MetricReading } from '@cbo/alerts';
import type { BikeCounts } from '@cbo/contracts';
import type { BikeService } from './bike-service';
import { feedStaleAfterMs } from './bike-feed-record';

/** Feed id of a GBFS feed in the feed-silent rule (`gbfs:<feedId>`). */
export const gbfsFeedName = (feedId: string): string => `gbfs:${feedId}`;

const reading = (value: number, at: number, fresh: boolean): MetricReading => ({
  value,
  observedAt: at,
  fresh,
});

function countMetrics(c: BikeCounts, at: number, fresh: boolean): Record<string, MetricReading> {
  const metrics: Record<string, MetricReading> = {
    noParkingCount: reading(c.inNoParking, at, fresh),
    unpermittedCount: reading(c.unpermitted, at, fresh),
    faultyShare: reading(c.fleet === 0 ? 0 : c.faulty / c.fleet, at, fresh),
  };
  if (c.rideRate !== null) metrics['rideRate'] = reading(c.rideRate, at, fresh);
  return metrics;
}

/**
 * The bike domain as rule-engine input at `now`: zones (saturation, noParkingCount), districts and the network
 * (noParkingCount, unpermittedCount, faultyShare, rideRate), operators (the same plus fleetOverQuota), stations
 * (bikesAvailable, docksAvailable, emptySoon, fullSoon), and every GBFS feed for the built-in feed-silent rule,
 * silent after max(2 x ttl, 60 s) without an accepted document. Inputs are fresh while some vehicle feed is.
 */
export function bikeAlertInputs(service: BikeService, now: number, watchedSince: number): EvaluationInput {
  const m = service.metrics(now);
  const records = [...service.state.feeds.values()];
  const fresh = records.some(
    (r) => r.lastReceivedAt !== null && now - r.lastReceivedAt <= feedStaleAfterMs(r),
  );
  const operators = service.state.operators;
  return {
    entities: {
      zone: m.zones.map((z) => ({
        id: z.zoneId,
        metrics:
          z.kind === 'parking'
            ? z.saturation === null
              ? {}
              : { saturation: reading(z.saturation, now, fresh) }
            : { noParkingCount: reading(z.parked, now, fresh) },
      })),
      district: m.districts.map((d) => ({ id: d.districtId, metrics: countMetrics(d, now, fresh) })),
      network: [{ id: 'network', metrics: countMetrics(m.network, now, fresh) }],
      operator: m.operators
        .filter((o) => operators.find((op) => op.id === o.operatorId)?.dockless === true)
        .map((o) => ({
          id: o.operatorId,
          metrics: {
            ...countMetrics(o, now, fresh),
            ...(o.fleetOverQuota === null ? {} : { fleetOverQuota: reading(o.fleetOverQuota, now, fresh) }),
          },
        })),
      station: service.stationViews(now).flatMap((s) =>
        s.status === null
          ? []
          : [
              {
                id: s.id,
                metrics: {
                  bikesAvailable: reading(s.status.bikesAvailable, s.status.reportedAt, fresh),
                  ...(s.status.docksAvailable === null
                    ? {}
                    : { docksAvailable: reading(s.status.docksAvailable, s.status.reportedAt, fresh) }),
                  emptySoon: reading(s.status.emptySoon ? 1 : 0, now, fresh),
                  fullSoon: reading(s.status.fullSoon ? 1 : 0, now, fresh),
                },
              },
            ],
      ),
    },
    feeds: records.map((r) => ({
      feed: gbfsFeedName(r.feedId),
      lastReceivedAt: r.lastReceivedAt,
      silentAfterMs: feedStaleAfterMs(r),
      watchedSince,
    })),
  };
}
