// Where the model tests find models and media (not a test file itself).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Box, Point } from '@pmr/common';
import { boxFromCorners } from '@pmr/common';
import type { DetectorKind } from '../src/index.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');

export const MODEL_FILES: Readonly<Record<DetectorKind, string>> = {
  yunet: 'face_detection_yunet_2023mar_dynamic.onnx',
  scrfd: 'scrfd_500m_bnkps.onnx',
};

/** The model path, or the reason the model tests must be skipped. */
export function findModel(kind: DetectorKind): { path: string } | { skip: string } {
  const dir = process.env.PMR_MODELS_DIR;
  if (dir === undefined || dir === '') return { skip: `PMR_MODELS_DIR is not set; skipping the ${kind} model tests` };
  const path = join(dir, MODEL_FILES[kind]);
  if (!existsSync(path)) return { skip: `${path} is missing; skipping the ${kind} model tests` };
  return { path };
}

export function findData(rel: string): { path: string } | { skip: string } {
  const path = join(dataDir, rel);
  return existsSync(path) ? { path } : { skip: `${path} is missing; set PMR_DATA_DIR to the shared test media` };
}

/** boxes.json: file → labelled face boxes (from [x1, y1, x2, y2]). */
export function labelledBoxes(): Map<string, Box[]> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'detection', 'boxes.json'), 'utf8')) as Record<string, [number, number, number, number][]>;
  return new Map(Object.entries(raw).map(([f, bs]) => [f, bs.map(([x1, y1, x2, y2]) => boxFromCorners(x1, y1, x2, y2))]));
}

/** face_counts_nose_points.json: file → face count and nose-tip points. */
export function nosePoints(): Map<string, { count: number; noses: Point[] }> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'detection', 'face_counts_nose_points.json'), 'utf8')) as Record<
    string,
    { n_faces: number; nose_points_xy: [number, number][] }
  >;
  return new Map(Object.entries(raw).map(([f, v]) => [f, { count: v.n_faces, noses: v.nose_points_xy.map(([x, y]) => ({ x, y })) }]));
}
