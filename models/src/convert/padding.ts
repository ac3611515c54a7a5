// Pure: TensorFlow's convolution padding rules, as explicit begin/end pads.

export interface Padding1d {
  readonly begin: number;
  readonly end: number;
  readonly outSize: number;
}

/**
 * One spatial axis of a TF convolution. 'VALID': no padding, out = ceil((in - effectiveK + 1) / stride).
 * 'SAME': out = ceil(in / stride); the total padding max((out-1)*stride + effectiveK - in, 0) is split with the
 * odd pixel at the end (begin = floor(total / 2)). effectiveK = (k - 1) * dilation + 1.
 */
export function tfPadding(
  mode: 'SAME' | 'VALID',
  inSize: number,
  kernel: number,
  stride: number,
  dilation = 1,
): Padding1d {
  const effective = (kernel - 1) * dilation + 1;
  if (mode === 'VALID') {
    return { begin: 0, end: 0, outSize: Math.max(0, Math.ceil((inSize - effective + 1) / stride)) };
  }
  const outSize = Math.ceil(inSize / stride);
  const total = Math.max((outSize - 1) * stride + effective - inSize, 0);
  const begin = Math.floor(total / 2);
  return { begin, end: total - begin, outSize };
}
