/**
 * Layout constants of the binary traffic frame; `@cbo/wire` encodes and decodes it.
 * See docs/architecture.md for the byte layout.
 */
export const FRAME_MAGIC = 0x4342; // 'CB'
export const FRAME_VERSION = 1;
export const FRAME_KIND_SNAPSHOT = 0;
export const FRAME_KIND_DELTA = 1;
export type FrameKind = typeof FRAME_KIND_SNAPSHOT | typeof FRAME_KIND_DELTA;
/** Speeds travel as unsigned 16-bit tenths of km/h; this value means "no fresh reading". */
export const SPEED_UNKNOWN = 0xffff;
export const SPEED_SCALE = 10;
