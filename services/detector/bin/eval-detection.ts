// Detection quality on the labelled test images at several input sizes.
// Usage: node services/detector/bin/eval-detection.ts [--sizes 640,480,320] [--kinds yunet,scrfd]
// Needs PMR_MODELS_DIR (or ../shared/models next to the repo) and PMR_DATA_DIR (or ../shared/data next to the repo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { boxFromCorners, type RgbImage } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { createDetector, type DetectorKind } from '../src/index.ts';
import { matchBoxes, matchPoints } from '../src/evaluate.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '640,480,416,320' }, kinds: { type: 'string', default: 'yunet,scrfd' } },
});
const modelsDir = process.env.PMR_MODELS_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'models');
const dataDir = process.env.PMR_DATA_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const files: Record<DetectorKind, string> = {
  yunet: 'face_detection_yunet_2023mar_dynamic.onnx',
  scrfd: 'scrfd_500m_bnkps.onnx',
};

const boxes = JSON.parse(readFileSync(join(dataDir, 'detection', 'boxes.json'), 'utf8')) as Record<
  string,
  [number, number, number, number][]
>;
const noses = JSON.parse(readFileSync(join(dataDir, 'detection', 'face_counts_nose_points.json'), 'utf8')) as Record<
  string,
  { n_faces: number; nose_points_xy: [number, number][] }
>;
const images = new Map<string, RgbImage>();
for (const f of [...Object.keys(boxes), ...Object.keys(noses)])
  images.set(f, await readImage(join(dataDir, 'detection', f)));

for (const kind of values.kinds.split(',') as DetectorKind[]) {
  for (const size of values.sizes.split(',').map(Number)) {
    const detector = await createDetector({ kind, modelPath: join(modelsDir, files[kind]), inputSize: size });
    let labels = 0;
    let hits = 0;
    let hits40 = 0;
    let dets = 0;
    for (const [f, bs] of Object.entries(boxes)) {
      const found = (await detector.detect(images.get(f)!)).map((d) => d.box);
      const truth = bs.map(([x1, y1, x2, y2]) => boxFromCorners(x1, y1, x2, y2));
      labels += truth.length;
      dets += found.length;
      hits += matchBoxes(truth, found, 0.5).pairs.length;
      hits40 += matchBoxes(truth, found, 0.4).pairs.length;
    }
    let points = 0;
    let pointHits = 0;
    let pointDets = 0;
    let wrong = 0;
    for (const [f, l] of Object.entries(noses)) {
      const found = (await detector.detect(images.get(f)!)).map((d) => d.box);
      const m = matchPoints(
        l.nose_points_xy.map(([x, y]) => ({ x, y })),
        found,
      );
      points += l.n_faces;
      pointHits += l.n_faces - m.missedPoints.length;
      pointDets += found.length;
      wrong += m.wrong.length;
    }
    await detector.release();
    console.log(
      `${kind} input ${size}: boxes.json recall ${hits}/${labels} (IoU≥0.5; ${hits40}/${labels} at IoU≥0.4), precision ${hits}/${dets}; ` +
        `nose points found ${pointHits}/${points}, wrong detections ${wrong}/${pointDets}`,
    );
  }
}
