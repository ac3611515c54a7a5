// A Detector whose network runs in a worker thread (see detector-worker.ts). Same interface as the in-process one;
// images are copied to the worker, so callers keep theirs.
import { Worker } from 'node:worker_threads';
import { PmrError, type DetectedFace, type RgbImage } from '@pmr/common';
import type { Detector, DetectorOptions } from '@pmr/detector';
import type { DetectorReply, DetectorRequest } from './detector-worker.ts';

export async function createWorkerDetector(options: DetectorOptions): Promise<Detector> {
  const worker = new Worker(new URL('./detector-worker.ts', import.meta.url), { workerData: options });
  const pending = new Map<number, { resolve: (faces: DetectedFace[]) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (err: Error): void => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('error', (err: Error) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`detector worker exited with code ${code}`)));
  let released: Promise<void> | null = null;
  worker.on('message', (reply: DetectorReply) => {
    if ('released' in reply) return;
    const p = pending.get(reply.id);
    if (p === undefined) return;
    pending.delete(reply.id);
    if ('faces' in reply) p.resolve(reply.faces);
    else p.reject(reply.error.code === null ? new Error(reply.error.message) : new PmrError(reply.error.code, reply.error.message));
  });
  return {
    detect(image: RgbImage): Promise<DetectedFace[]> {
      if (failure !== null) return Promise.reject(failure);
      if (released !== null) return Promise.reject(new PmrError('FAILED_PRECONDITION', 'detector was released'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, image } satisfies DetectorRequest);
      });
    },
    release(): Promise<void> {
      released ??= new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.once('message', () => void worker.terminate());
        worker.postMessage({ release: true } satisfies DetectorRequest);
      });
      return released;
    },
  };
}
