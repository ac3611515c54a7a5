// Messages between a model session's owner and the thread that runs it (see model-session.ts, session-thread.ts).
import * as ort from 'onnxruntime-node';

/** A tensor as it crosses threads: its element type, values and shape. */
export interface WireTensor {
  readonly type: string;
  readonly data: ArrayBufferView;
  readonly dims: readonly number[];
}

/** The onnxruntime tensor a wire tensor stands for (over the same values: no copy). */
export function fromWire(t: WireTensor): ort.Tensor {
  return new ort.Tensor(t.type as ort.Tensor.Type, t.data as ort.Tensor.DataType, t.dims);
}

export interface SessionSettings {
  readonly threads?: number;
  readonly provider?: 'cpu' | 'cuda';
  readonly graphOptimization?: GraphOptimization;
}

/** onnxruntime's graph optimisation levels (see SessionOptions.graphOptimization in onnx.ts). */
export type GraphOptimization = 'disabled' | 'basic' | 'extended' | 'all';

/**
 * Every request carries an id, answered once by `done` (with the request's result) or `failed`. A thread hosts several
 * sessions, each named by the id of the `load` request that opened it.
 */
export type ToThread =
  | { readonly op: 'load'; readonly id: number; readonly modelPath: string; readonly settings: SessionSettings }
  | {
      readonly op: 'run';
      readonly id: number;
      readonly session: number;
      readonly feeds: Record<string, WireTensor>;
      readonly fetches?: readonly string[];
    }
  | { readonly op: 'release'; readonly id: number; readonly session: number };

export interface LoadedSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
}

export type FromThread =
  | {
      readonly op: 'done';
      readonly id: number;
      readonly loaded?: LoadedSession;
      readonly outputs?: Record<string, WireTensor>;
      /** A run's feed buffers, handed back for reuse. */
      readonly returned?: readonly ArrayBuffer[];
    }
  | { readonly op: 'failed'; readonly id: number; readonly message: string };

/** The buffers of `tensors` that can move to the other thread without a copy (each owned whole by one tensor). */
export function movableBuffers(tensors: Iterable<WireTensor>): ArrayBuffer[] {
  const seen = new Set<ArrayBufferLike>();
  const out: ArrayBuffer[] = [];
  for (const { data } of tensors) {
    const buffer = data.buffer;
    if (!(buffer instanceof ArrayBuffer) || seen.has(buffer)) continue;
    seen.add(buffer);
    if (data.byteOffset === 0 && data.byteLength === buffer.byteLength) out.push(buffer);
  }
  return out;
}
