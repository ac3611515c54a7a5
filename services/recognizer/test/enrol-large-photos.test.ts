// Gallery photos far larger than detection needs: decoded downscaled before detection (both the folder gallery of the
// embedded CLI and the in-memory gallery of a remote job), refused only above the input pixel limit, and enrolling two
// 8000×8000 photos stays within a bounded peak RSS. A scripted detector records what it is given (no models).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { createImage, type DetectedFace, type RgbImage } from '@pmr/common';
import { encodeJpeg } from '@pmr/common/image';
import { enrolGallery, enrolGallerySource, galleryFromPhotos, type EmbedFn } from '../src/enrol.ts';

/** Most pixels a gallery photo reaches the detector with (2048 × 2048). */
const MAX_DETECTED_PIXELS = 2048 * 2048;

/** One good face in the middle of whatever image it is given; records the sizes it saw. */
function recordingDetector(): { detect: (image: RgbImage) => Promise<DetectedFace[]>; seen: Array<[number, number]> } {
  const seen: Array<[number, number]> = [];
  return {
    seen,
    detect: (image) => {
      seen.push([image.width, image.height]);
      const size = Math.min(image.width, image.height) / 2;
      const p = { x: image.width / 2, y: image.height / 2 };
      return Promise.resolve([
        {
          box: { x: image.width / 4, y: image.height / 4, width: size, height: size },
          landmarks: [p, p, p, p, p],
          score: 0.9,
          quality: { score: 0.8, detector: 0.9, size: 1, sharpness: 0.9, frontalness: 1 },
          chip: createImage(112, 112, 100),
        },
      ]);
    },
  };
}

const embed: EmbedFn = () => Promise.resolve(Float32Array.from([1, 0]));

/** A PNG that announces width × height pixels and holds almost none (a decompression bomb's header). */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a gallery photo over 2048×2048 pixels reaches the detector downscaled to at most that many, aspect kept (folder and in-memory galleries)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-large-photos-'));
  try {
    const wide = await encodeJpeg(createImage(8000, 4000, 90), 80);
    const small = await encodeJpeg(createImage(640, 480, 90), 80);
    await mkdir(join(dir, 'ann'));
    await writeFile(join(dir, 'ann', 'wide.jpg'), wide);
    await writeFile(join(dir, 'ann', 'small.jpg'), small);

    const fromFolder = recordingDetector();
    const folder = await enrolGallery(dir, { detect: fromFolder.detect, embed, augmentations: [] });
    assert.equal(folder.report.accepted.length, 2, JSON.stringify(folder.report.rejected));
    const fromMemory = recordingDetector();
    const photos = [
      { person: 'ann', name: 'small.jpg', data: small },
      { person: 'ann', name: 'wide.jpg', data: wide },
    ];
    await enrolGallerySource(galleryFromPhotos(photos), { detect: fromMemory.detect, embed, augmentations: [] });

    for (const seen of [fromFolder.seen, fromMemory.seen]) {
      const [smallSeen, wideSeen] = seen;
      assert.deepEqual(smallSeen, [640, 480], 'a small photo is decoded as it is');
      const [w, h] = wideSeen!;
      assert.ok(w * h <= MAX_DETECTED_PIXELS, `the 8000×4000 photo reached the detector as ${w}×${h}`);
      assert.ok(w * h > 0.95 * MAX_DETECTED_PIXELS, `downscaled no further than needed: ${w}×${h}`);
      assert.ok(Math.abs(w / h - 2) < 0.01, `aspect kept: ${w}×${h}`);
    }
    // The box is reported in the decoded photo's pixels: 1/4 in, half the shorter side.
    const box = folder.report.accepted.find((a) => a.file === 'ann/wide.jpg')!.box;
    assert.deepEqual([box.x, box.width], [fromFolder.seen[1]![0] / 4, fromFolder.seen[1]![1] / 2]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a photo over 120 megapixels is rejected before decoding, naming its size and the limit', async () => {
  const { detect, seen } = recordingDetector();
  const photos = [
    { person: 'bob', name: 'bomb.png', data: pngHeaderOnly(12_000, 12_000) },
    { person: 'bob', name: 'ok.jpg', data: await encodeJpeg(createImage(128, 128, 90)) },
  ];
  const { report } = await enrolGallerySource(galleryFromPhotos(photos), { detect, embed, augmentations: [] });
  assert.deepEqual(
    report.accepted.map((a) => a.file),
    ['bob/ok.jpg'],
  );
  assert.equal(report.rejected.length, 1);
  const [rejected] = report.rejected;
  assert.equal(rejected!.reason, 'unreadable');
  assert.match(rejected!.detail, /12000×12000 pixels.*120 megapixels/);
  assert.deepEqual(seen, [[128, 128]]);
});

test('enrolling two 8000×8000 photos from a folder peaks under 300 MB of RSS', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-huge-photos-'));
  try {
    await mkdir(join(dir, 'ann'));
    // Noise, not a flat colour: JPEG decoding works on every block.
    const image = createImage(8000, 8000);
    for (let i = 0; i < image.data.length; i += 4099) image.data.fill((i * 7919) % 251, i, i + 4099);
    const jpeg = await encodeJpeg(image, 85);
    await writeFile(join(dir, 'ann', '1.jpg'), jpeg);
    await writeFile(join(dir, 'ann', '2.jpg'), await readFile(join(dir, 'ann', '1.jpg')));
    const enrol = new URL('../src/enrol.ts', import.meta.url).href;
    const script = `
      const { enrolGallery } = await import(${JSON.stringify(enrol)});
      const p = { x: 10, y: 10 };
      const face = { box: { x: 0, y: 0, width: 100, height: 100 }, landmarks: [p, p, p, p, p], score: 0.9,
        quality: { score: 0.8, detector: 0.9, size: 1, sharpness: 0.9, frontalness: 1 }, chip: { width: 112, height: 112, data: new Uint8Array(112 * 112 * 3) } };
      const { report } = await enrolGallery(${JSON.stringify(dir)}, { detect: async () => [face], embed: async () => Float32Array.from([1, 0]), augmentations: [] });
      // VmHWM, the peak of this process's own memory (getrusage's maxRSS starts from the parent's RSS at the fork).
      const hwm = /^VmHWM:\\s+(\\d+) kB/m.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
      console.log(JSON.stringify({ accepted: report.accepted.length, maxRssMB: Number(hwm[1]) / 1024 }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const { accepted, maxRssMB } = JSON.parse(child.stdout) as { accepted: number; maxRssMB: number };
    console.log(
      `# two 8000x8000 JPEGs (${(jpeg.length / 1e6).toFixed(1)} MB each) enrolled with a peak RSS of ${Math.round(maxRssMB)} MB`,
    );
    assert.equal(accepted, 2);
    assert.ok(maxRssMB < 300, `peak RSS ${Math.round(maxRssMB)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
