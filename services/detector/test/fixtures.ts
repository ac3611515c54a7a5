// Where the model tests find models and media (not a test file itself).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Box, Point, RgbImage } from '@pmr/common';
import { boxFromCorners, iou } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { matchBoxes, matchPoints } from '../src/evaluate.ts';
import type { DetectorKind } from '../src/index.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');

export const MODEL_FILES: Readonly<Record<DetectorKind, string>> = {
  yunet: 'face_detection_yunet_2023mar_dynamic.onnx',
  scrfd: 'scrfd_500m_bnkps.onnx',
};

/**
 * Why tests needing the `kinds` models and the shared data files `data` (relative to the data folder) must skip here,
 * or undefined when they can run; a failure under PMR_REQUIRE_ALL=1.
 */
export function partsSkip(kinds: readonly DetectorKind[], data: readonly string[] = []): string | undefined {
  return requireParts(
    modelsMissing(...kinds.map((k) => MODEL_FILES[k])),
    dataMissing(...data.map((rel) => join(dataDir, rel))),
  );
}

/** The path of a detector model in $PMR_MODELS_DIR (call after partsSkip said it is there). */
export function modelPath(kind: DetectorKind): string {
  return join(process.env.PMR_MODELS_DIR ?? '', MODEL_FILES[kind]);
}

/** boxes.json: file → labelled face boxes (from [x1, y1, x2, y2]). */
export function labelledBoxes(): Map<string, Box[]> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'detection', 'boxes.json'), 'utf8')) as Record<
    string,
    [number, number, number, number][]
  >;
  return new Map(
    Object.entries(raw).map(([f, bs]) => [f, bs.map(([x1, y1, x2, y2]) => boxFromCorners(x1, y1, x2, y2))]),
  );
}

/** face_counts_nose_points.json: file → face count and nose-tip points. */
export function nosePoints(): Map<string, { count: number; noses: Point[] }> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'detection', 'face_counts_nose_points.json'), 'utf8')) as Record<
    string,
    { n_faces: number; nose_points_xy: [number, number][] }
  >;
  return new Map(
    Object.entries(raw).map(([f, v]) => [f, { count: v.n_faces, noses: v.nose_points_xy.map(([x, y]) => ({ x, y })) }]),
  );
}

/** The path of a shared data file; throws when it is missing (check the files a test needs with partsSkip first). */
export function dataPath(rel: string): string {
  const path = join(dataDir, rel);
  if (!existsSync(path)) throw new Error(`${path} is missing; set PMR_DATA_DIR to the shared test media`);
  return path;
}

/** A real face the labels miss, confirmed by eye, counted as a correct detection: file and [x1, y1, x2, y2]. */
export interface ConfirmedUnlabelled {
  readonly file: string;
  readonly box: readonly [number, number, number, number];
}

export interface BoxScore {
  readonly labels: number;
  readonly found: number;
  readonly detections: number;
  readonly correct: number;
  readonly minIou: number;
}

/**
 * Run a detector over the boxes.json images and match at IoU 0.5. Detections matching a confirmed unlabelled face
 * count as correct; every miss and every other extra detection is reported through `say`.
 */
export async function scoreLabelledBoxes(
  detect: (image: RgbImage) => Promise<readonly { box: Box; score: number }[]>,
  say: (line: string) => void,
  confirmed: readonly ConfirmedUnlabelled[] = [],
): Promise<BoxScore> {
  let labels = 0;
  let found = 0;
  let detections = 0;
  let correct = 0;
  const ious: number[] = [];
  for (const [file, boxes] of labelledBoxes()) {
    const faces = await detect(await readImage(dataPath(`detection/${file}`)));
    const m = matchBoxes(
      boxes,
      faces.map((f) => f.box),
      0.5,
    );
    const unlabelled = m.extraDetections.filter((j) =>
      confirmed.some((u) => u.file === file && iou(boxFromCorners(...u.box), faces[j]!.box) >= 0.5),
    );
    labels += boxes.length;
    found += m.pairs.length;
    detections += faces.length;
    correct += m.pairs.length + unlabelled.length;
    ious.push(...m.pairs.map((p) => p[2]));
    for (const i of m.missedLabels) say(`${file}: missed label ${JSON.stringify(boxes[i])}`);
    for (const j of m.extraDetections)
      if (!unlabelled.includes(j))
        say(`${file}: unmatched detection ${JSON.stringify(faces[j]!.box)} score ${faces[j]!.score}`);
  }
  return { labels, found, detections, correct, minIou: Math.min(...ious) };
}

/** Every nose-labelled CompreFace face found once, no detection holding zero or several noses, exact counts. */
export async function checkNosePoints(detect: (image: RgbImage) => Promise<readonly { box: Box }[]>): Promise<void> {
  for (const [file, { count, noses }] of nosePoints()) {
    const faces = await detect(await readImage(dataPath(`detection/${file}`)));
    const m = matchPoints(
      noses,
      faces.map((f) => f.box),
    );
    assert.deepEqual(m.missedPoints, [], `${file}: nose points without a detection`);
    assert.deepEqual(m.wrong, [], `${file}: detections holding zero or several nose points`);
    assert.equal(faces.length, count, `${file}: face count`);
  }
}
