// A thread that owns onnxruntime sessions. onnxruntime-node runs inference synchronously on the calling thread, so a
// session on the main thread stalls everything else (decoding, warps, tracking) for the whole inference; here it
// stalls only this thread.
import { parentPort } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import {
  fromWire,
  movableBuffers,
  type FromThread,
  type SessionSettings,
  type ToThread,
  type WireTensor,
} from './protocol.ts';

if (parentPort === null) throw new Error('session-thread.ts runs as a worker thread');
const port = parentPort;
const sessions = new Map<number, ort.InferenceSession>();

const send = (message: FromThread, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function load(id: number, modelPath: string, settings: SessionSettings): Promise<void> {
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: [settings.provider ?? 'cpu'],
    graphOptimizationLevel: settings.graphOptimization ?? 'all',
    // A memory pattern is planned and kept per input shape; the detector's roll batches change shape with the number
    // of faces, so patterns pile up (about 10 MB on the crowd clip) for no measurable speed.
    enableMemPattern: false,
    logSeverityLevel: 3,
  };
  if (settings.threads !== undefined) options.intraOpNumThreads = settings.threads;
  const session = await ort.InferenceSession.create(modelPath, options);
  sessions.set(id, session);
  send({ op: 'done', id, loaded: { inputNames: [...session.inputNames], outputNames: [...session.outputNames] } });
}

function sessionOf(id: number): ort.InferenceSession {
  const session = sessions.get(id);
  if (session === undefined) throw new Error('model session is not loaded');
  return session;
}

async function run(
  id: number,
  session: number,
  feeds: Record<string, WireTensor>,
  fetches: readonly string[] | undefined,
): Promise<void> {
  const s = sessionOf(session);
  const inputs: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) inputs[name] = fromWire(t);
  const results = fetches === undefined ? await s.run(inputs) : await s.run(inputs, [...fetches]);
  const outputs: Record<string, WireTensor> = {};
  for (const [name, value] of Object.entries(results))
    outputs[name] = { type: value.type, data: value.data as ArrayBufferView, dims: value.dims };
  // The feeds' buffers go back with the answer, for the owner to reuse: left here, they would wait for this thread's
  // garbage collector, which an almost idle JS heap seldom runs (tens of MB of old frames per thread).
  const returned = movableBuffers(Object.values(feeds));
  send({ op: 'done', id, outputs, returned }, [...movableBuffers(Object.values(outputs)), ...returned]);
}

async function release(id: number, session: number): Promise<void> {
  const s = sessions.get(session);
  sessions.delete(session);
  await s?.release();
  send({ op: 'done', id });
}

function handle(message: ToThread): Promise<void> {
  switch (message.op) {
    case 'load':
      return load(message.id, message.modelPath, message.settings);
    case 'run':
      return run(message.id, message.session, message.feeds, message.fetches);
    case 'release':
      return release(message.id, message.session);
  }
}

port.on('message', (message: ToThread) => {
  handle(message).catch((err: unknown) =>
    send({ op: 'failed', id: message.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
