import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanKernels, PAGE_BYTES, paddedLength, rowBytes, scanModule } from '../src/simd-scan.ts';

/** Seeded uniform values on [-1, 1). */
function values(count: number, seed: number): number[] {
  let a = seed;
  return Array.from({ length: count }, () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a / 2 ** 32) * 2 - 1;
  });
}

test('paddedLength rounds up to a multiple of 32; a module for an unpadded length is refused', () => {
  assert.deepEqual([1, 31, 32, 33, 128, 200].map(paddedLength), [32, 32, 32, 64, 128, 224]);
  assert.throws(() => scanModule('f32', 48, 4), RangeError);
});

for (const dim of [1, 5, 32, 33, 128, 200]) {
  test(`f32 and i8 scans of dim ${dim} match a plain loop, with 1 query and with 4 per pass`, () => {
    const padded = paddedLength(dim);
    const count = 37;
    for (const format of ['f32', 'i8'] as const) {
      const queryBytes = format === 'f32' ? 4 * padded : 2 * padded;
      const rowsAt = 4 * queryBytes;
      const outAt = rowsAt + count * rowBytes(format, padded);
      const kernels = createScanKernels(format, padded, 4, Math.ceil((outAt + 16 * count) / PAGE_BYTES));
      const buffer = kernels.memory.buffer;
      const rows: number[][] = [];
      const scales: number[] = [];
      const queries: number[][] = [];
      for (let r = 0; r < count; r++) {
        const v = values(dim, 1000 + r);
        const at = rowsAt + r * rowBytes(format, padded);
        if (format === 'f32') {
          rows.push(v.map(Math.fround));
          new Float32Array(buffer, at, dim).set(v);
        } else {
          rows.push(v.map((x) => Math.round(x * 127)));
          scales.push(Math.fround(0.001 * (r + 1)));
          new Int8Array(buffer, at, dim).set(rows[r]!);
          new Float32Array(buffer, at + padded, 1)[0] = scales[r]!;
        }
      }
      for (let q = 0; q < 4; q++) {
        const v = values(dim, 7 + q);
        if (format === 'f32') {
          queries.push(v.map(Math.fround));
          new Float32Array(buffer, q * queryBytes, dim).set(v);
        } else {
          queries.push(v.map((x) => Math.round(x * 32767)));
          new Int16Array(buffer, q * queryBytes, dim).set(queries[q]!);
        }
      }
      kernels.block(rowsAt, 0, count, outAt);
      const blockScores = Array.from(new Float32Array(buffer, outAt, 4 * count));
      for (let q = 0; q < 4; q++) {
        kernels.one(rowsAt, q * queryBytes, count, outAt);
        const oneScores = Array.from(new Float32Array(buffer, outAt, count));
        assert.deepEqual(
          oneScores,
          blockScores.slice(q * count, (q + 1) * count),
          `${format} query ${q}: bit-identical`,
        );
        for (let r = 0; r < count; r++) {
          const plain = rows[r]!.reduce((s, x, j) => s + x * queries[q]![j]!, 0);
          if (format === 'f32') {
            assert.ok(Math.abs(oneScores[r]! - plain) < 1e-5, `f32 row ${r}: ${oneScores[r]} vs ${plain}`);
          } else {
            assert.equal(oneScores[r], Math.fround(Math.fround(plain) * scales[r]!), `i8 row ${r}`);
          }
        }
      }
    }
  });
}
