/** The bytes of `view` as an ArrayBuffer, without copying when the view spans its whole buffer. */
export function toArrayBuffer(view: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = view;
  if (byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer) return buffer;
  return view.slice().buffer as ArrayBuffer;
}
