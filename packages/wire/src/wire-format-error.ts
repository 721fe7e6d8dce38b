/** A frame that cannot be decoded; the message names what is wrong. */
export class WireFormatError extends Error {
  readonly code = 'CBO_ERR_WIRE_FORMAT';
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}
