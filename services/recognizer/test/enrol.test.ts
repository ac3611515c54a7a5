// enrolGallery's folder walk, rejection reasons, report and errors, with a scripted detector and embedder (no models).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImage, PmrError, type DetectedFace, type RgbImage } from '@pmr/common';
import { encodePng } from '@pmr/common/image';
import { enrolGallery, type DetectFn, type EmbedFn } from '../src/enrol.ts';

/** A face whose chip is filled with `value`, so the scripted embedder can tell chips apart. */
function face(x: number, size: number, value: number, sharpness = 0.9): DetectedFace {
  const p = { x: x + size / 2, y: size / 2 };
  return {
    box: { x, y: 0, width: size, height: size },
    landmarks: [p, p, p, p, p],
    score: 0.9,
    quality: { score: 0.8, detector: 0.9, size: 1, sharpness, frontalness: 1 },
    chip: createImage(112, 112, value),
  };
}

// The detector reads the script from the image's first pixel: red = number of faces / kind.
const detect: DetectFn = (image: RgbImage) => {
  const kind = image.data[0]!;
  const scripted: Record<number, DetectedFace[]> = {
    10: [face(0, 100, 200)], // one good face
    20: [], // no face
    30: [face(0, 100, 200), face(150, 90, 200)], // two similar faces
    40: [face(0, 25, 200)], // too small
    50: [face(0, 100, 200, 0.05)], // blurry
    60: [face(0, 100, 100)], // another good face, different chip
  };
  return Promise.resolve(scripted[kind] ?? []);
};
// Embeds a chip as (mean/255, 1 - mean/255): different chips (and their augmentations) point different ways.
const embed: EmbedFn = (chip: RgbImage) => {
  const m = chip.data.reduce((a, v) => a + v, 0) / chip.data.length / 255;
  return Promise.resolve(Float32Array.from([m, 1 - m]));
};

async function png(path: string, kind: number): Promise<void> {
  const img = createImage(8, 8);
  img.data[0] = kind;
  await writeFile(path, await encodePng(img));
}

test('enrolGallery walks <dir>/<person>/<image> and reports every rejection with its reason', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-enrol-'));
  try {
    for (const sub of ['alice', 'bob', 'carol', '_groups', '.cache']) await mkdir(join(dir, sub));
    await png(join(dir, 'alice', '1.png'), 10);
    await png(join(dir, 'alice', '2.PNG'), 60);
    await png(join(dir, 'alice', '3.png'), 20);
    await writeFile(join(dir, 'alice', 'broken.jpg'), 'not a jpeg');
    await writeFile(join(dir, 'alice', 'notes.txt'), 'text');
    await writeFile(join(dir, 'alice', '.hidden.png'), 'skipped');
    await png(join(dir, 'bob', 'group.png'), 30);
    await png(join(dir, 'bob', 'small.png'), 40);
    await png(join(dir, 'bob', 'blur.png'), 50);
    await png(join(dir, 'bob', 'ok.png'), 10);
    await png(join(dir, 'carol', 'nothing.png'), 20);
    await png(join(dir, '_groups', 'x.png'), 10);
    await png(join(dir, '.cache', 'x.png'), 10);
    await writeFile(join(dir, 'index.json'), '{}');

    const { gallery, report } = await enrolGallery(dir, {
      detect,
      embed,
      augmentations: [{ kind: 'brightness', delta: 0.1 }],
    });
    assert.deepEqual(
      report.accepted.map((a) => a.file),
      ['alice/1.png', 'alice/2.PNG', 'bob/ok.png'],
    );
    assert.deepEqual(
      report.rejected.map((r) => [r.file, r.reason]),
      [
        ['alice/3.png', 'no-face'],
        ['alice/broken.jpg', 'unreadable'],
        ['alice/notes.txt', 'unreadable'],
        ['bob/blur.png', 'too-blurry'],
        ['bob/group.png', 'several-faces'],
        ['bob/small.png', 'too-small'],
        ['carol/nothing.png', 'no-face'],
      ],
    );
    assert.ok(report.rejected.every((r) => r.detail.length > 0));
    assert.deepEqual(report.persons, [
      { name: 'alice', accepted: 2, rejected: 3, templates: 4 },
      { name: 'bob', accepted: 1, rejected: 3, templates: 2 },
      { name: 'carol', accepted: 0, rejected: 1, templates: 0 },
    ]);
    assert.deepEqual(report.ignored, ['.cache', '_groups', 'index.json']);
    // Templates: chip 200 -> (0.784, 0.216); brightened by 25.5 -> 226 (0.886, 0.114); chip 100 -> (0.392, 0.608).
    assert.deepEqual(
      gallery.persons.map((p) => [p.name, p.templates.length]),
      [
        ['alice', 4],
        ['bob', 2],
      ],
    );
    const first = report.accepted[0]!.embeddings;
    assert.equal(first.length, 2);
    assert.ok(Math.abs(first[0]![0]! - 200 / 255) < 1e-6 && Math.abs(first[1]![0]! - 226 / 255) < 1e-6);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('enrolGallery retries a face-less image on a padded copy and maps the face back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-enrol-'));
  try {
    await mkdir(join(dir, 'dave'));
    await png(join(dir, 'dave', 'tight.png'), 70);
    // Finds a face only when the image was padded (8x8 -> 16x16 with DEFAULT_PAD_RETRY 0.5: border 4).
    const padded: DetectFn = (image) => Promise.resolve(image.width === 16 ? [face(5, 50, 200)] : []);
    const { report } = await enrolGallery(dir, { detect: padded, embed, augmentations: [] });
    assert.deepEqual(
      report.accepted.map((a) => [a.file, a.box.x]),
      [['dave/tight.png', 1]],
    );
    await assert.rejects(
      enrolGallery(dir, { detect: padded, embed, padRetry: 0 }),
      (e: unknown) => e instanceof PmrError && e.code === 'INVALID_ARGUMENT',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('enrolGallery: missing, empty or face-less folders are INVALID_ARGUMENT with a clear message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-enrol-'));
  const invalid = (pattern: RegExp) => (e: unknown) =>
    e instanceof PmrError && e.code === 'INVALID_ARGUMENT' && pattern.test(e.message);
  try {
    await assert.rejects(enrolGallery(join(dir, 'missing'), { detect, embed }), invalid(/missing: no such folder/));
    await writeFile(join(dir, 'file.png'), 'x');
    await assert.rejects(enrolGallery(join(dir, 'file.png'), { detect, embed }), invalid(/not a folder/));
    await assert.rejects(enrolGallery(dir, { detect, embed }), invalid(/is empty: it has no person folders/));
    await mkdir(join(dir, 'erin'));
    await png(join(dir, 'erin', 'a.png'), 20);
    await assert.rejects(
      enrolGallery(dir, { detect, embed }),
      invalid(/none of its 1 person folder\(s\) has an image with one usable face \(1 image\(s\) rejected\)/),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
