import { describe, expect, it } from 'vitest';
import { cameraEventsInSlot } from './pollution-events';

const camera = {
  id: 'c1',
  nameZh: '摄',
  nameEn: 'C',
  position: [120.17, 30.27] as [number, number],
  waterId: 'w',
  reachId: 'r1',
};
const HOUR = 3_600_000;

function eventsOver(days: number, scale = 1) {
  const out = [];
  for (let slot = 0; slot < days * 24; slot += 1)
    out.push(...cameraEventsInSlot(9, camera, 0, slot, 480, scale));
  return out;
}

describe('pollution events', () => {
  it('occur at about 0.46 a camera a day', () => {
    const perDay = eventsOver(2000).length / 2000;
    expect(perDay).toBeGreaterThan(0.4);
    expect(perDay).toBeLessThan(0.52);
  });

  it('put sewage dumping mostly at night (22:00-05:59 local)', () => {
    const dumping = eventsOver(2000, 5).filter((e) => e.kind === 'sewage-dumping');
    const night = dumping.filter((e) => {
      const hour = Math.floor(e.observedAt / HOUR + 8) % 24;
      return hour >= 22 || hour < 6;
    });
    expect(night.length / dumping.length).toBeGreaterThan(0.6);
  });

  it('place each event within 25 m of its camera, inside its hour, with a redacted evidence reference', () => {
    for (const e of cameraEventsInSlot(9, camera, 0, 100, 480, 200)) {
      expect(Math.abs(e.position[0] - 120.17) * 96_000).toBeLessThanOrEqual(25.5);
      expect(Math.abs(e.position[1] - 30.27) * 110_574).toBeLessThanOrEqual(25.5);
      expect(e.observedAt).toBeGreaterThanOrEqual(100 * HOUR);
      expect(e.observedAt).toBeLessThan(101 * HOUR);
      expect(e.evidenceRef).toMatch(/^evidence:\/\/river-cameras\/c1\/.+#faces-blurred$/);
    }
  });
});
