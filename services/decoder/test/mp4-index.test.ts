// Telling an MP4 whose index (the moov box, written last) was never finished, as an interrupted camera recording
// is, from other files FFmpeg cannot open: the top-level boxes as read from the file, and the decision on them.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { indexCutOff, mp4IndexCutOff, type Mp4Box } from '../src/media/mp4-index.ts';
import { clipsSkip, cutFile, hamilton, makeFaststart, tempFolder } from './media-fixtures.ts';

const missing = clipsSkip(hamilton);

const box = (type: string, offset: number, size: number): Mp4Box => ({ type, offset, size });

test('indexCutOff: an MP4 with media data and no complete index', () => {
  const cases: Array<[string, Mp4Box[], number, boolean]> = [
    [
      'complete, index last',
      [box('ftyp', 0, 32), box('free', 32, 8), box('mdat', 40, 1000), box('moov', 1040, 100)],
      1140,
      false,
    ],
    ['complete, index first', [box('ftyp', 0, 32), box('moov', 32, 100), box('mdat', 132, 1000)], 1132, false],
    ['cut inside the media data', [box('ftyp', 0, 32), box('free', 32, 8), box('mdat', 40, 1000)], 600, true],
    ['cut inside the index', [box('ftyp', 0, 32), box('mdat', 32, 1000), box('moov', 1032, 100)], 1100, true],
    [
      'media data "to the end of the file" (size 0), never closed',
      [box('ftyp', 0, 32), box('mdat', 32, Infinity)],
      5000,
      true,
    ],
    ['QuickTime: wide then mdat, cut', [box('wide', 0, 8), box('mdat', 8, 1000)], 500, true],
    ['no media data', [box('ftyp', 0, 32)], 32, false],
    ['not an MP4', [], 5000, false],
    ['media data but not a file PMR would take for MP4', [box('abcd', 0, 8), box('mdat', 8, 1000)], 500, false],
  ];
  for (const [name, boxes, size, expected] of cases) assert.equal(indexCutOff(boxes, size), expected, name);
});

test('mp4IndexCutOff: real files, cut and whole', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const text = join(tmp.dir, 'notes.mp4');
  writeFileSync(text, 'hello, this is not a video\n');
  const empty = join(tmp.dir, 'empty.mp4');
  writeFileSync(empty, '');
  const faststart = await makeFaststart(tmp.dir);
  assert.equal(await mp4IndexCutOff(hamilton), false, 'whole, index last');
  assert.equal(await mp4IndexCutOff(faststart), false, 'whole, index first');
  assert.equal(await mp4IndexCutOff(cutFile(hamilton, 0.5, 'half.mp4', tmp.dir)), true, 'cut before its index');
  assert.equal(await mp4IndexCutOff(cutFile(hamilton, 0.995, 'most.mp4', tmp.dir)), true, 'cut inside its index');
  assert.equal(
    await mp4IndexCutOff(cutFile(faststart, 0.5, 'half-faststart.mp4', tmp.dir)),
    false,
    'index first: cut media data, which FFmpeg reads',
  );
  assert.equal(await mp4IndexCutOff(text), false);
  assert.equal(await mp4IndexCutOff(empty), false);
  assert.equal(await mp4IndexCutOff(join(tmp.dir, 'nope.mp4')), false);
});
