import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      SIM: 'on',
      SIM_SPEED: 1,
      TICK_MS: 1000,
      FRESH_FOR_MS: 300_000,
      INGEST_BODY_LIMIT_BYTES: 5 * 1024 * 1024,
    });
  });

  it('coerces numeric variables from strings', () => {
    expect(loadConfig({ PORT: '9000', SIM_SPEED: '60' })).toMatchObject({ PORT: 9000, SIM_SPEED: 60 });
  });

  it('names the bad variable and its value', () => {
    expect(() => loadConfig({ PORT: '99999' })).toThrow(/PORT must be <= 65535 \(got '99999'\)/);
  });

  it('lists the allowed values of an enumerated variable', () => {
    expect(() => loadConfig({ SIM: 'maybe' })).toThrow(/SIM must be one of on, off \(got 'maybe'\)/);
  });

  it('ignores variables that are not settings', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });

  it('lets overrides win over the environment', () => {
    expect(loadConfig({ SIM: 'on' }, { SIM: 'off' }).SIM).toBe('off');
  });

  it('accepts SIM_START as an RFC 3339 time with an offset', () => {
    expect(loadConfig({ SIM_START: '2026-12-02T07:30:00+08:00' }).SIM_START).toBe(
      '2026-12-02T07:30:00+08:00',
    );
  });

  it('names SIM_START when it is not a date-time', () => {
    expect(() => loadConfig({ SIM_START: 'yesterday' })).toThrow(/SIM_START/);
    expect(() => loadConfig({ SIM_START: '2026-13-45T99:00:00Z' })).toThrow(
      /SIM_START is not a valid date-time/,
    );
  });
});
