import * as ort from 'onnxruntime-node';
import { openModelSession, type ModelSession } from './inference/model-session.ts';
import type { GraphOptimization } from './inference/protocol.ts';

export type { Tensor } from 'onnxruntime-node';
export type { ModelSession, SessionOutputs } from './inference/model-session.ts';
export { ort };

export interface SessionOptions {
  /** Intra-op threads; on small shared machines 1 is usually fastest. Omitted means onnxruntime's default. */
  readonly threads?: number;
  /** `cpu` (default) or `cuda` where the CUDA provider is installed. */
  readonly provider?: 'cpu' | 'cuda';
  /**
   * onnxruntime's graph optimisation level, default `all`. `all` adds the CPU layout transforms (NCHWc), which make
   * float models 2–3× faster here (YuNet, MobileFaceNet, FaceRes) but slow a quantised (QLinear) model down.
   */
  readonly graphOptimization?: GraphOptimization;
  /**
   * The inference thread to run on (default: one thread for every model of the process). Sessions naming the same
   * thread share it and run one at a time; sessions on different threads run at the same time. Each thread costs
   * memory (its own heap and allocator arena: 30–40 MB with a detector on it), so more threads pay only where there
   * are cores to spare.
   */
  readonly thread?: string;
}

export const DEFAULT_INFERENCE_THREAD = 'inference';

/**
 * Load an ONNX model once, on an inference thread (see inference/model-session.ts); callers release it with
 * `session.release()` on shutdown.
 */
export async function loadSession(modelPath: string, options: SessionOptions = {}): Promise<ModelSession> {
  const { thread = DEFAULT_INFERENCE_THREAD, ...settings } = options;
  return openModelSession(modelPath, settings, thread);
}
