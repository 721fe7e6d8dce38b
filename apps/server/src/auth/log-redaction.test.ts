import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('hides a wall token in the query and keeps the other parameters', () => {
    expect(redactUrl('/wall?lang=en&token=cbo_wall_abc-DEF_123&x=1')).toBe(
      '/wall?lang=en&token=[redacted]&x=1',
    );
  });

  it('hides a token that is the first parameter', () => {
    expect(redactUrl('/wall?token=cbo_wall_abc')).toBe('/wall?token=[redacted]');
  });

  it('leaves a URL without a token unchanged', () => {
    expect(redactUrl('/api/v1/traffic/now?tokens=1')).toBe('/api/v1/traffic/now?tokens=1');
  });
});
