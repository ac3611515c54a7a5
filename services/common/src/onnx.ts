import * as ort from 'onnxruntime-node';

export type { InferenceSession, Tensor } from 'onnxruntime-node';
export { ort };

export interface SessionOptions {
  /** Intra-op threads; on small shared machines 1 is usually fastest. Omitted means onnxruntime's default. */
  readonly threads?: number;
  /** `cpu` (default) or `cuda` where the CUDA provider is installed. */
  readonly provider?: 'cpu' | 'cuda';
}

/** Load an ONNX model once; callers release it with `session.release()` on shutdown. */
export async function loadSession(modelPath: string, options: SessionOptions = {}): Promise<ort.InferenceSession> {
  const opts: ort.InferenceSession.SessionOptions = {
    executionProviders: [options.provider ?? 'cpu'],
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
  };
  if (options.threads !== undefined) opts.intraOpNumThreads = options.threads;
  return ort.InferenceSession.create(modelPath, opts);
}

/** L2-normalise a vector in place and return it. */
export function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}

export function softmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}
