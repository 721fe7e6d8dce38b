export { quantizeSpeed, dequantizeSpeed } from './speed-quantization';
export { diffSpeeds } from './diff-speeds';
export type { SpeedChanges } from './diff-speeds';
export { encodeSnapshot, encodeDelta, decodeFrame, FRAME_HEADER_BYTES } from './traffic-frame';
export type { TrafficFrame, FrameHeaderInput } from './traffic-frame';
export { WireFormatError } from './wire-format-error';
export {
  encodeBikeSnapshot,
  encodeBikeDelta,
  decodeBikeFrame,
  BIKE_FRAME_HEADER_BYTES,
  BIKE_OFFSET_LIMIT_E6,
} from './bike-frame';
export type { BikeFrame, BikeFrameInput } from './bike-frame';
