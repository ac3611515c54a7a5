import { readFileSync } from 'node:fs';
import { iou, readImage, boxFromCorners } from '@pmr/common';
import { createDetector } from './src/index.ts';
const D = '/work/shared/data/detection/';
const kind = (process.argv[2] ?? 'yunet') as 'yunet' | 'scrfd';
const inputSize = Number(process.argv[3] ?? 640);
const thr = process.argv[4] ? Number(process.argv[4]) : undefined;
const det = await createDetector({ kind, modelPath: '/work/shared/models/' + (kind === 'yunet' ? 'face_detection_yunet_2023mar_dynamic.onnx' : 'scrfd_500m_bnkps.onnx'), inputSize, ...(thr !== undefined ? { scoreThreshold: thr } : {}) });
const boxes = JSON.parse(readFileSync(D + 'boxes.json', 'utf8')) as Record<string, number[][]>;
for (const [f, gts] of Object.entries(boxes)) {
  const img = await readImage(D + f);
  const faces = await det.detect(img);
  console.log(f, img.width, img.height, 'gt', gts.length, 'det', faces.length);
  for (const fc of faces) {
    const best = Math.max(...gts.map((g) => iou(fc.box, boxFromCorners(g[0]!, g[1]!, g[2]!, g[3]!))));
    const b = fc.box;
    console.log(`  det [${b.x.toFixed(0)},${b.y.toFixed(0)},${(b.x + b.width).toFixed(0)},${(b.y + b.height).toFixed(0)}] s=${fc.score.toFixed(3)} q=${fc.quality.score.toFixed(2)} (sz ${fc.quality.size.toFixed(2)} sh ${fc.quality.sharpness.toFixed(2)} fr ${fc.quality.frontalness.toFixed(2)}) bestIoU=${best.toFixed(2)}`);
  }
  for (const g of gts) {
    const best = Math.max(0, ...faces.map((fc) => iou(fc.box, boxFromCorners(g[0]!, g[1]!, g[2]!, g[3]!))));
    if (best < 0.5) console.log('  MISSED/LOW gt', g, best.toFixed(2));
  }
}
const nose = JSON.parse(readFileSync(D + 'face_counts_nose_points.json', 'utf8')) as Record<string, { n_faces: number; nose_points_xy: number[][] }>;
for (const [f, l] of Object.entries(nose)) {
  const img = await readImage(D + f);
  const faces = await det.detect(img);
  console.log(f, img.width, img.height, 'n', l.n_faces, 'det', faces.length);
  for (const fc of faces) {
    const b = fc.box;
    const inside = l.nose_points_xy.filter(([x, y]) => x! >= b.x && x! <= b.x + b.width && y! >= b.y && y! <= b.y + b.height).length;
    console.log(`  det [${b.x.toFixed(0)},${b.y.toFixed(0)},${(b.x + b.width).toFixed(0)},${(b.y + b.height).toFixed(0)}] s=${fc.score.toFixed(3)} q=${fc.quality.score.toFixed(2)} (sz ${fc.quality.size.toFixed(2)} sh ${fc.quality.sharpness.toFixed(2)} fr ${fc.quality.frontalness.toFixed(2)}) noses=${inside}`);
  }
}
await det.release();
