// onnxruntime sessions that run on worker threads. onnxruntime-node's run() blocks the calling thread for the whole
// inference, so with every model on the main thread a 2-core machine used one core for PMR (the decoder had the other,
// mostly idle). Here sessions live on named inference threads: the main thread keeps decoding, warping and tracking
// while the models run, and sessions on different threads run at the same time. Sessions that share a thread name
// share one thread (and its memory), and run one at a time.
import { Worker } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import {
  fromWire,
  movableBuffers,
  type FromThread,
  type LoadedSession,
  type SessionSettings,
  type ToThread,
  type WireTensor,
} from './protocol.ts';
import { BufferPool } from './buffer-pool.ts';

export type SessionOutputs = Record<string, ort.Tensor>;

export interface ModelSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /**
   * Run the model. The feeds' buffers move to the inference thread when each tensor owns its whole buffer (no copy):
   * the caller must not read them afterwards. Views into a larger buffer are copied.
   */
  run(feeds: Readonly<Record<string, ort.Tensor>>, fetches?: readonly string[]): Promise<SessionOutputs>;
  /**
   * A buffer of `byteLength` bytes for an input tensor: one an earlier run handed back when one of that size is free
   * (its contents are stale: write every byte), else a new one. Saves allocating and collecting a frame-sized buffer
   * per run.
   */
  inputBuffer(byteLength: number): ArrayBuffer;
  release(): Promise<void>;
}

/**
 * Handed-back input buffers kept per session for reuse: enough for the detector's frames in flight (3 × 2.9 MB at
 * 640×384) beside their face batches, so the batches do not push frame buffers out (each frame would then get a new
 * zero-filled buffer, about 0.4 ms on the main thread, and more garbage).
 */
const POOLED_COUNT = 8;
const POOLED_BYTES = 24 * 1024 * 1024;

type Reply = Extract<FromThread, { op: 'done' }>;

interface Pending {
  readonly resolve: (reply: Reply) => void;
  readonly reject: (err: Error) => void;
}

/** A request as its sender writes it; the thread object numbers it. */
type Request = ToThread extends infer M ? (M extends ToThread ? Omit<M, 'id'> : never) : never;

const THREAD_URL = new URL('./session-thread.ts', import.meta.url);

/** One worker thread and its outstanding requests. It keeps the process alive only while a request is outstanding. */
class InferenceThread {
  private readonly worker = new Worker(THREAD_URL);
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private stopped: Error | null = null;
  /** Sessions loaded (or loading) here; the thread ends when the last is released. */
  sessions = 0;

  readonly name: string;

  constructor(name: string) {
    this.name = name;
    this.worker.unref();
    this.worker.on('message', (message: FromThread) => {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.op === 'done') p?.resolve(message);
      else p?.reject(new Error(message.message));
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (err: Error) => this.stop(new Error(`inference thread ${name} failed: ${err.message}`)));
    this.worker.on('exit', (code) => this.stop(new Error(`inference thread ${name} exited (code ${code})`)));
  }

  /** False once the thread has failed, exited or been ended: its sessions are gone with it. */
  get running(): boolean {
    return this.stopped === null;
  }

  request(request: Request, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.stopped !== null) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      const message: ToThread = { ...request, id };
      this.worker.postMessage(message, transfer);
    });
  }

  async end(): Promise<void> {
    this.stopped ??= new Error(`inference thread ${this.name} was ended`);
    await this.worker.terminate();
  }

  private stop(err: Error): void {
    this.stopped ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.worker.unref();
  }
}

const threads = new Map<string, InferenceThread>();

function threadNamed(name: string): InferenceThread {
  let thread = threads.get(name);
  if (thread === undefined) {
    thread = new InferenceThread(name);
    threads.set(name, thread);
  }
  thread.sessions++;
  return thread;
}

async function leave(thread: InferenceThread): Promise<void> {
  thread.sessions--;
  if (thread.sessions > 0) return;
  if (threads.get(thread.name) === thread) threads.delete(thread.name);
  await thread.end();
}

/** A tensor for postMessage; a view into a larger buffer is copied out (a clone would copy the whole buffer). */
function toWire(t: ort.Tensor): WireTensor {
  if (Array.isArray(t.data)) throw new Error('string tensors are not supported');
  const data = t.data as ArrayBufferView & { slice(): ArrayBufferView };
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  return { type: t.type, data: whole ? data : data.slice(), dims: t.dims };
}

/**
 * Load `modelPath` on the inference thread called `threadName` (started on first use). Fails with onnxruntime's
 * message when the model cannot be loaded.
 */
export async function openModelSession(
  modelPath: string,
  settings: SessionSettings,
  threadName: string,
): Promise<ModelSession> {
  const thread = threadNamed(threadName);
  let reply: Reply;
  try {
    reply = await thread.request({ op: 'load', modelPath, settings });
  } catch (err) {
    await leave(thread);
    throw err;
  }
  const session = reply.id;
  const { inputNames, outputNames } = reply.loaded as LoadedSession;
  let released = false;
  const pool = new BufferPool(POOLED_COUNT, POOLED_BYTES);
  return {
    inputNames,
    outputNames,
    async run(feeds, fetches) {
      if (released) throw new Error(`model session for ${modelPath} was released`);
      const wire: Record<string, WireTensor> = {};
      for (const [name, t] of Object.entries(feeds)) wire[name] = toWire(t);
      const request =
        fetches === undefined
          ? { op: 'run' as const, session, feeds: wire }
          : { op: 'run' as const, session, feeds: wire, fetches };
      const { outputs = {}, returned } = await thread.request(request, movableBuffers(Object.values(wire)));
      pool.give(returned ?? []);
      const out: SessionOutputs = {};
      for (const [name, t] of Object.entries(outputs)) out[name] = fromWire(t);
      return out;
    },
    inputBuffer(byteLength) {
      return pool.take(byteLength) ?? new ArrayBuffer(byteLength);
    },
    async release() {
      if (released) return;
      released = true;
      try {
        // A thread that has stopped took its sessions with it: nothing left to release there.
        if (thread.running) await thread.request({ op: 'release', session });
      } finally {
        await leave(thread);
      }
    },
  };
}
