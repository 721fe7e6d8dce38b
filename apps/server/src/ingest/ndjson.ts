/** Stands in for an NDJSON line that is not valid JSON; the ingest service rejects it by its index. */
export class MalformedLine {
  /** @param reason - what is wrong, naming the line */
  constructor(readonly reason: string) {}
}

/**
 * Splits an NDJSON body into one parsed value per non-blank line. A line that is not valid JSON becomes a
 * {@link MalformedLine} at its position, so the other lines are still ingested.
 */
export function parseNdjson(body: string): unknown[] {
  const items: unknown[] = [];
  let start = 0;
  let lineNumber = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    lineNumber++;
    const line = body.slice(start, end).trim();
    if (line !== '') {
      try {
        items.push(JSON.parse(line));
      } catch (error) {
        items.push(new MalformedLine(`line ${lineNumber}: not valid JSON (${(error as Error).message})`));
      }
    }
    start = end + 1;
  }
  return items;
}
