/**
 * An error caused by the numbers handed to a metric (wrong lengths, labels other than 0/1, a single
 * class, a bad protocol), as opposed to a bug. The `vad` CLI turns it into a user error (exit 2)
 * prefixed with the file it read. Messages follow `<where>: <what> must be <expected>, but got <actual>`.
 *
 * @example
 * throw new MetricsError('rocAuc(labels) requires at least one positive and one negative label, but got 12 negatives and 0 positives');
 */
export class MetricsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsError';
  }
}

/** True for errors raised by this package because of its input. */
export function isMetricsError(error: unknown): error is MetricsError {
  return error instanceof MetricsError || (error instanceof Error && error.name === 'MetricsError');
}
