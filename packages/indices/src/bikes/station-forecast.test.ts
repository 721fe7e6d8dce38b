import { describe, expect, it } from 'vitest';
import { netFlowPerHour, stationStatus, type StationReading } from './station-forecast';

const MIN = 60_000;
const reading = (bikes: number, docks: number | null): StationReading => ({
  stationId: 's',
  bikesAvailable: bikes,
  bikesDisabled: 0,
  docksAvailable: docks,
  isInstalled: true,
  isRenting: true,
  isReturning: true,
  reportedAt: 60 * MIN,
});

describe('netFlowPerHour', () => {
  it('is the change over the span of the last hour', () => {
    expect(
      netFlowPerHour(
        [
          { at: 30 * MIN, bikesAvailable: 10 },
          { at: 60 * MIN, bikesAvailable: 4 },
        ],
        60 * MIN,
      ),
    ).toBe(-12);
  });

  it('is 0 with less than ten minutes of history', () => {
    expect(
      netFlowPerHour(
        [
          { at: 55 * MIN, bikesAvailable: 10 },
          { at: 60 * MIN, bikesAvailable: 4 },
        ],
        60 * MIN,
      ),
    ).toBe(0);
  });

  it('ignores samples older than an hour', () => {
    const samples = [
      { at: 0, bikesAvailable: 100 },
      { at: 40 * MIN, bikesAvailable: 10 },
      { at: 70 * MIN, bikesAvailable: 13 },
    ];
    expect(netFlowPerHour(samples, 70 * MIN)).toBe(6);
  });
});

describe('stationStatus', () => {
  const falling = [
    { at: 30 * MIN, bikesAvailable: 10 },
    { at: 60 * MIN, bikesAvailable: 4 },
  ];

  it('forecasts empty when the net flow reaches zero bikes within 30 min', () => {
    expect(stationStatus(reading(4, 16), 20, falling, 60 * MIN).emptySoon).toBe(true);
  });

  it('does not forecast empty when 30 min of the flow leaves a bike', () => {
    expect(stationStatus(reading(7, 13), 20, falling, 60 * MIN).emptySoon).toBe(false);
  });

  it('is full with no free dock and forecasts full', () => {
    const s = stationStatus(reading(20, 0), 20, [], 60 * MIN);
    expect([s.state, s.fullSoon, s.fill]).toEqual(['full', true, 1]);
  });

  it('takes bikes plus docks as capacity when none is published', () => {
    expect(stationStatus(reading(5, 15), null, [], 60 * MIN).fill).toBe(0.25);
  });

  it('is unknown without capacity or docks', () => {
    expect(stationStatus(reading(5, null), null, [], 60 * MIN).state).toBe('unknown');
  });
});
