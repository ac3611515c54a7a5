import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Box } from '@pmr/common';
import type { FaceCandidate } from '../src/candidate.ts';
import { nms } from '../src/nms.ts';

const p = { x: 0, y: 0 };
function cand(name: string, box: Box, score: number): FaceCandidate & { name: string } {
  return { name, box, score, landmarks: [p, p, p, p, p] };
}

test('nms: greedy by score with an IoU threshold (hand-checked table)', () => {
  const a = cand('a', { x: 0, y: 0, width: 10, height: 10 }, 0.9);
  // b overlaps a by 5×10: IoU = 50 / 150 = 1/3
  const b = cand('b', { x: 5, y: 0, width: 10, height: 10 }, 0.8);
  // c overlaps b by 5×10 (IoU 1/3) but a by nothing
  const c = cand('c', { x: 10, y: 0, width: 10, height: 10 }, 0.7);
  const d = cand('d', { x: 100, y: 100, width: 10, height: 10 }, 0.95);
  // e equals a: IoU 1
  const e = cand('e', { x: 0, y: 0, width: 10, height: 10 }, 0.5);
  const cases = [
    // 1/3 > 0.3: b is dropped by a; c survives because b, which would drop it, is gone
    { input: [a, b, c, d, e], iou: 0.3, want: ['d', 'a', 'c'] },
    // 1/3 ≤ 0.4: a, b, c all kept; e still dropped (IoU 1)
    { input: [e, c, b, a, d], iou: 0.4, want: ['d', 'a', 'b', 'c'] },
    // threshold 1 keeps everything (IoU is never above 1)
    { input: [a, e], iou: 1, want: ['a', 'e'] },
    { input: [], iou: 0.3, want: [] },
  ];
  for (const { input, iou, want } of cases) {
    assert.deepEqual(
      nms(input, iou).map((x) => x.name),
      want,
      `iou ${iou}`,
    );
  }
});

test('nms: equal scores keep input order', () => {
  const a = cand('a', { x: 0, y: 0, width: 10, height: 10 }, 0.5);
  const b = cand('b', { x: 1, y: 0, width: 10, height: 10 }, 0.5);
  assert.deepEqual(
    nms([a, b], 0.3).map((x) => x.name),
    ['a'],
  );
  assert.deepEqual(
    nms([b, a], 0.3).map((x) => x.name),
    ['b'],
  );
});
