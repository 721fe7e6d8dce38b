/** Bytes of a WebSocket frame header sent by a server (no mask) for a payload of `length` bytes (RFC 6455). */
export function webSocketHeaderBytes(length: number): number {
  if (length < 126) return 2;
  return length < 65_536 ? 4 : 10;
}

/** What one engine.io packet costs on a WebSocket: payload (plus the type character of text packets) and header. */
export function enginePacketBytes(data: unknown): number {
  const payload =
    typeof data === 'string'
      ? Buffer.byteLength(data) + 1
      : data instanceof ArrayBuffer
        ? data.byteLength
        : ArrayBuffer.isView(data)
          ? data.byteLength
          : 0;
  return payload + webSocketHeaderBytes(payload);
}
