import { describe, expect, it } from 'vitest';
import type { SuspectedIncident, TrafficEvent } from '@cbo/contracts';
import { incidentMarkers, incidentSelectionOf, parkingMarkers } from './incident-layers';

const incident = (confidence: number): SuspectedIncident => ({
  id: 'inc-s-7-1000',
  segmentId: 's-7',
  segmentIndex: 7,
  roadId: 'r-1',
  districtId: 'xihu',
  location: [120.15, 30.27],
  startedAt: 1000,
  raisedAt: 31_000,
  clearedAt: null,
  confidence,
  speedRatio: 0.2,
  baselineSpeedKmh: 50,
});

const event = (kind: TrafficEvent['kind']): TrafficEvent => ({
  id: `evt-${kind}`,
  kind,
  position: [120.16, 30.28],
  observedAt: 2000,
  evidenceRef: 'evidence://cam-1/1',
  cameraId: 'cam-1',
  segmentId: 's-9',
  distanceM: 4,
  districtId: 'xihu',
  source: 'sim',
});

describe('incident markers', () => {
  it('labels an incident with its confidence in percent and sizes its ring from 0.5 to 1 of the radius', () => {
    const [low, high] = incidentMarkers([incident(0), incident(0.87)]);
    expect(high).toMatchObject({ position: [120.15, 30.27], label: '87%' });
    expect(low!.radiusPx).toBe(5.5);
    expect(high!.radiusPx).toBeCloseTo(11 * 0.935, 9);
  });

  it('opens the drill-down of the incident segment', () => {
    const [marker] = incidentMarkers([incident(0.5)]);
    expect(incidentSelectionOf(marker)).toEqual({ kind: 'segment', id: 's-7' });
  });

  it('draws illegal parking only, as P on its mapped segment', () => {
    const markers = parkingMarkers([event('stopped-vehicle'), event('illegal-parking')]);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ label: 'P', selection: { kind: 'segment', id: 's-9' } });
  });

  it('selects nothing for another picked object', () => {
    expect(incidentSelectionOf({ district: 'xihu' })).toBeNull();
    expect(incidentSelectionOf(null)).toBeNull();
  });
});
