import { describe, expect, it } from 'vitest';
import { MalformedLine, parseNdjson } from './ndjson';

describe('parseNdjson', () => {
  it('parses one value per line and skips blank lines', () => {
    expect(parseNdjson('{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('accepts CRLF line ends', () => {
    expect(parseNdjson('{"a":1}\r\n{"a":2}')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('turns a malformed line into a MalformedLine naming the line, keeping the others', () => {
    const items = parseNdjson('{"a":1}\n{"a":\n{"a":3}');
    expect(items[0]).toEqual({ a: 1 });
    expect(items[1]).toBeInstanceOf(MalformedLine);
    expect((items[1] as MalformedLine).reason).toMatch(/^line 2: not valid JSON/);
    expect(items[2]).toEqual({ a: 3 });
  });
});
