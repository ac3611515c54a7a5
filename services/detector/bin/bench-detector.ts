// Detector speed: ms per frame for the whole detect() (letterbox, packing, inference, decoding, NMS, chips,
// quality) and its parts. Usage: node services/detector/bin/bench-detector.ts <yunet|scrfd> <image>... [--size N] [--runs N]
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { readImage } from '@pmr/common/image';
import { loadSession, ort } from '@pmr/common/onnx';
import { createDetector, finishFaces, prepareInput, type DetectorKind } from '../src/index.ts';
import { decodeScrfd } from '../src/scrfd-decode.ts';
import { decodeYunet } from '../src/yunet-decode.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: '640' },
    runs: { type: 'string', default: '20' },
    threads: { type: 'string', default: '1' },
  },
});
const [kindArg, ...images] = positionals;
const kind: DetectorKind = kindArg === 'scrfd' ? 'scrfd' : 'yunet';
const modelsDir = process.env.PMR_MODELS_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'models'); // default: ../shared/models beside the checkout
const modelPath = join(
  modelsDir,
  kind === 'yunet' ? 'face_detection_yunet_2023mar_dynamic.onnx' : 'scrfd_500m_bnkps.onnx',
);
const inputSize = Number(values.size);
const runs = Number(values.runs);
const threads = Number(values.threads);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const detector = await createDetector({ kind, modelPath, inputSize, threads });
const session = await loadSession(modelPath, { threads });
for (const file of images) {
  const image = await readImage(file);
  const whole: number[] = [];
  const parts = { prepare: [] as number[], infer: [] as number[], finish: [] as number[] };
  let faces = 0;
  for (let i = 0; i < runs + 10; i++) {
    const t0 = performance.now();
    faces = (await detector.detect(image)).length;
    const t1 = performance.now();
    const { letterbox, tensor } = prepareInput(image, kind, inputSize);
    const t2 = performance.now();
    const out = await session.run({
      [session.inputNames[0]!]: new ort.Tensor('float32', tensor, [1, 3, letterbox.inputHeight, letterbox.inputWidth]),
    });
    const t3 = performance.now();
    const map: Record<string, Float32Array> = {};
    for (const [k, v] of Object.entries(out)) map[k] = v.data as Float32Array;
    const decode = kind === 'yunet' ? decodeYunet : decodeScrfd;
    finishFaces(
      image,
      decode(map, letterbox.inputWidth, letterbox.inputHeight, kind === 'yunet' ? 0.6 : 0.5),
      letterbox,
      kind === 'yunet' ? 0.3 : 0.4,
      20,
    );
    const t4 = performance.now();
    if (i < 10) continue;
    whole.push(t1 - t0);
    parts.prepare.push(t2 - t1);
    parts.infer.push(t3 - t2);
    parts.finish.push(t4 - t3);
  }
  console.log(
    `${kind} size ${inputSize} ${file.split('/').pop()} ${image.width}x${image.height}: detect ${median(whole).toFixed(1)} ms ` +
      `(prepare ${median(parts.prepare).toFixed(1)}, inference ${median(parts.infer).toFixed(1)}, decode+nms+chips+quality ${median(parts.finish).toFixed(1)}), ${faces} faces`,
  );
}
await session.release();
await detector.release();
