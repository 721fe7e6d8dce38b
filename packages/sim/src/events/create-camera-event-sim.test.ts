import { describe, expect, it } from 'vitest';
import { buildTestCity } from '@cbo/city/testing';
import { createCameraEventSim } from './create-camera-event-sim';

const city = buildTestCity(
  Array.from({ length: 20 }, () => ({
    roadClass: 'arterial' as const,
    lanes: 2,
    lengthM: 500,
    freeFlowKmh: 50,
    district: 0,
  })),
);
// 2026-01-14 10:00 local (UTC+8): daytime.
const START = Date.UTC(2026, 0, 14, 2, 0, 0);
const HOUR = 3_600_000;

describe('createCameraEventSim', () => {
  it('returns the same events whatever the step size', () => {
    const oneStep = createCameraEventSim(city, { seed: 3, eventsPerHour: 30 }, START).advance(
      START + 2 * HOUR,
    );
    const stepped = createCameraEventSim(city, { seed: 3, eventsPerHour: 30 }, START);
    const many = [];
    for (let at = START + 60_000; at <= START + 2 * HOUR; at += 60_000) many.push(...stepped.advance(at));
    expect(many).toEqual(oneStep);
    expect(oneStep.length).toBeGreaterThan(0);
  });

  it('emits events inside the asked window, with evidence and no plate field', () => {
    const events = createCameraEventSim(city, { seed: 1, eventsPerHour: 60 }, START).advance(START + HOUR);
    for (const event of events) {
      expect(event.observedAt).toBeGreaterThan(START);
      expect(event.observedAt).toBeLessThanOrEqual(START + HOUR);
      expect(event.evidenceRef).toMatch(/^evidence:\/\/sim\//);
      expect(Object.keys(event).sort()).toEqual([
        'cameraId',
        'evidenceRef',
        'kind',
        'observedAt',
        'position',
      ]);
    }
  });

  it('emits nothing when time does not move forward', () => {
    const sim = createCameraEventSim(city, { seed: 1, eventsPerHour: 600 }, START);
    expect(sim.advance(START)).toEqual([]);
  });
});
