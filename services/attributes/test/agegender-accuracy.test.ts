// Age and gender accuracy of the converted FaceRes model on the labelled UTKFace chips (real detector + model).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RgbImage } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { alignmentTransform, createDetector, invertSimilarity, warpSimilarity } from '@pmr/detector';
import { manifest, resolveModel } from '@pmr/models';
import { loadAgeGenderModel } from '../src/agegender-model.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const modelsDir = process.env.PMR_MODELS_DIR;
const labelsPath = join(dataDir, 'attributes', 'labels.json');
const skip = requireParts(modelsMissing(manifest.yunet.file), dataMissing(labelsPath));
const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-agegender-'));
after(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/**
 * The accepted figures on these 42 chips, a regression guard (measured: gender 0.857, age MAE 7.76; the misses are
 * infants and elderly women, the model's known limits). Never loosened; raised when a better model replaces FaceRes.
 */
const MAX_AGE_MAE = 8;
const MIN_GENDER_ACCURACY = 0.85;

interface Label {
  readonly age?: number;
  readonly gender?: 'female' | 'male';
}

/** A wider aligned crop: the ArcFace alignment with `margin` times the chip's field of view, 224x224. */
function wideCrop(image: RgbImage, landmarks: Parameters<typeof alignmentTransform>[0], margin: number): RgbImage {
  const inv = invertSimilarity(alignmentTransform(landmarks));
  const k = margin / 2; // chip units per output pixel (112 * margin / 224)
  const t = 55.5 - 56 * margin + 0.5 * k; // chip coordinate of output pixel 0
  return warpSimilarity(image, 224, 224, {
    a: inv.a * k,
    b: inv.b * k,
    tx: (inv.a - inv.b) * t + inv.tx,
    ty: (inv.a + inv.b) * t + inv.ty,
  });
}

test('age MAE and gender accuracy on the UTKFace chips (ArcFace chip from YuNet, FaceRes)', { skip }, async () => {
  const yunet = join(modelsDir ?? '', manifest.yunet.file);
  const labels = JSON.parse(await readFile(labelsPath, 'utf8')) as Record<string, Label>;
  const modelPath = await resolveModel('agegender', { modelsDir, cacheDir });
  const detector = await createDetector({ kind: 'yunet', modelPath: yunet, threads: 1 });
  const model = await loadAgeGenderModel({ kind: 'faceres', path: modelPath }, 1);
  const rows: Array<{
    age: number;
    gender: string;
    chip: { age: number; low: number; high: number; gender: string };
    wide: { age: number; gender: string };
  }> = [];
  let ms = 0;
  try {
    for (const [file, label] of Object.entries(labels)) {
      if (label.age === undefined || label.gender === undefined) continue;
      const image = await readImage(join(dataDir, file));
      const face = (await detector.detect(image))[0];
      assert.ok(face !== undefined, `${file}: no face detected`);
      const start = performance.now();
      const chip = await model.predict(face.chip);
      ms += performance.now() - start;
      const wide = await model.predict(wideCrop(image, face.landmarks, 1.35));
      rows.push({
        age: label.age,
        gender: label.gender,
        chip: { age: chip.age.value, low: chip.age.low, high: chip.age.high, gender: chip.gender.value },
        wide: { age: wide.age.value, gender: wide.gender.value },
      });
    }
  } finally {
    await detector.release();
    await model.release();
  }
  const n = rows.length;
  const mae = (pick: (r: (typeof rows)[number]) => number): number =>
    rows.reduce((s, r) => s + Math.abs(pick(r) - r.age), 0) / n;
  const acc = (pick: (r: (typeof rows)[number]) => string): number =>
    rows.filter((r) => pick(r) === r.gender).length / n;
  const chipMae = mae((r) => r.chip.age);
  const chipAcc = acc((r) => r.chip.gender);
  const covered = rows.filter((r) => r.age >= r.chip.low && r.age <= r.chip.high).length;
  const adults = rows.filter((r) => r.age >= 5);
  const adultAcc = adults.filter((r) => r.chip.gender === r.gender).length / adults.length;
  console.log(
    `UTKFace ${n} faces, 112x112 ArcFace chip resized to 224: age MAE ${chipMae.toFixed(2)} years, gender accuracy ` +
      `${chipAcc.toFixed(3)} (${adults.length} faces aged 5+: ${adultAcc.toFixed(3)}), age range holds the true age for ` +
      `${covered}/${n}; ${(ms / n).toFixed(1)} ms per face (1 thread, preprocessing included)`,
  );
  console.log(
    `same faces, wider aligned crop (1.35x the chip's field of view): age MAE ${mae((r) => r.wide.age).toFixed(2)}, ` +
      `gender accuracy ${acc((r) => r.wide.gender).toFixed(3)}`,
  );
  assert.equal(n, 42);
  assert.ok(chipMae <= MAX_AGE_MAE, `age MAE ${chipMae.toFixed(2)} > ${MAX_AGE_MAE}`);
  assert.ok(
    chipAcc >= MIN_GENDER_ACCURACY,
    `gender accuracy ${chipAcc.toFixed(3)} (${Math.round(chipAcc * n)}/${n}) < ${MIN_GENDER_ACCURACY}`,
  );
});
