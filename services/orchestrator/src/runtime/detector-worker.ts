// Worker-thread entry: one detector (its own onnxruntime session) answering detect requests from the main thread.
// onnxruntime-node runs inference synchronously on the calling thread, so a detector here lets the main thread decode,
// track and analyse faces while the network works.
import { parentPort, workerData } from 'node:worker_threads';
import { PmrError, type DetectedFace, type RgbImage } from '@pmr/common';
import { createDetector, type DetectorOptions } from '@pmr/detector';

export type DetectorRequest = { readonly id: number; readonly image: RgbImage } | { readonly release: true };
export type DetectorReply =
  | { readonly id: number; readonly faces: DetectedFace[] }
  | { readonly id: number; readonly error: { readonly code: PmrError['code'] | null; readonly message: string } }
  | { readonly released: true };

const port = parentPort;
if (port === null) throw new Error('detector-worker.ts must run in a worker thread');
const detector = await createDetector(workerData as DetectorOptions);
port.on('message', (request: DetectorRequest) => {
  if ('release' in request) {
    void detector.release().then(() => port.postMessage({ released: true } satisfies DetectorReply));
    return;
  }
  detector.detect(request.image).then(
    (faces) => port.postMessage({ id: request.id, faces } satisfies DetectorReply),
    (err: unknown) =>
      port.postMessage({
        id: request.id,
        error: { code: err instanceof PmrError ? err.code : null, message: err instanceof Error ? err.message : String(err) },
      } satisfies DetectorReply),
  );
});
port.postMessage({ ready: true });
