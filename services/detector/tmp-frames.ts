import { readImage, encodePng } from '@pmr/common';
import { writeFileSync } from 'node:fs';
import { createDetector } from './src/index.ts';
const kind = (process.argv[2] ?? 'yunet') as 'yunet' | 'scrfd';
const inputSize = Number(process.argv[3] ?? 640);
const files = process.argv.slice(4);
const det = await createDetector({ kind, modelPath: '/work/shared/models/' + (kind === 'yunet' ? 'face_detection_yunet_2023mar_dynamic.onnx' : 'scrfd_500m_bnkps.onnx'), inputSize, scoreThreshold: 0.3 });
for (const f of files) {
  const img = await readImage(f);
  const faces = await det.detect(img);
  console.log(f, faces.length, faces.map((x) => `${x.score.toFixed(2)}@${x.box.x.toFixed(0)},${x.box.y.toFixed(0)},${x.box.width.toFixed(0)}x${x.box.height.toFixed(0)} q${x.quality.score.toFixed(2)}`).join(' '));
  if (process.env.CHIPS) for (const [i, x] of faces.entries()) writeFileSync(`/tmp/chips/${f.split('/').pop()}_${i}.png`, await encodePng(x.chip));
}
await det.release();
