// Rows of one format in a growable WebAssembly memory, with query slots and score space for the SIMD scans. Pure; no
// I/O. Layout: [query slots][rows: capacity × padded row][scores: slots × capacity]. Rows stay where they are when the
// memory grows; the score space, scratch only, moves behind them.
import { PmrError } from '@pmr/common';
import {
  createScanKernels,
  ELEMENT_BYTES,
  PAGE_BYTES,
  paddedLength,
  rowBytes,
  type RowFormat,
  type ScanKernels,
} from './simd-scan.ts';

/** The most 64 KiB pages a WebAssembly memory (32-bit addresses) can have: 4 GiB. */
const MAX_PAGES = 65536;
const MIN_CAPACITY = 64;

export class RowStore {
  readonly format: RowFormat;
  readonly dim: number;
  /** Row length with its zero padding. */
  readonly padded: number;
  /** Query slots: the most queries one pass over the rows scores. */
  readonly slots: number;
  readonly #rowBytes: number;
  readonly #rowsAt: number;
  readonly #kernels: ScanKernels;
  #capacity = 0;
  #f32 = new Float32Array(0);
  #i8 = new Int8Array(0);
  #i16 = new Int16Array(0);

  constructor(format: RowFormat, dim: number, slots: number) {
    this.format = format;
    this.dim = dim;
    this.padded = paddedLength(dim);
    this.slots = slots;
    this.#rowBytes = rowBytes(format, this.padded);
    this.#rowsAt = Math.ceil((slots * this.padded * ELEMENT_BYTES[format].query) / 64) * 64;
    this.#kernels = createScanKernels(format, this.padded, slots, 1);
    this.#views();
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Bytes of WebAssembly memory held (reserved rows and score space included). */
  get byteLength(): number {
    return this.#kernels.memory.buffer.byteLength;
  }

  /** Room for at least `rows` rows, doubling the capacity as it grows. */
  reserve(rows: number): void {
    if (rows <= this.#capacity) return;
    const capacity = Math.max(rows, this.#capacity * 2, MIN_CAPACITY);
    const pages = Math.ceil((this.#rowsAt + capacity * (this.#rowBytes + 4 * this.slots)) / PAGE_BYTES);
    if (pages > MAX_PAGES) {
      throw new PmrError('RESOURCE_EXHAUSTED', `${rows} ${this.format} rows of ${this.dim} do not fit in 4 GiB`);
    }
    const have = this.#kernels.memory.buffer.byteLength / PAGE_BYTES;
    try {
      if (pages > have) this.#kernels.memory.grow(pages - have);
    } catch (cause) {
      throw new PmrError('RESOURCE_EXHAUSTED', `no memory for ${rows} ${this.format} rows of ${this.dim}`, { cause });
    }
    this.#capacity = capacity;
    this.#views();
  }

  /** Writes `values` (length dim: float32 values, or int8 codes and their scale) into row `row`; padding stays zero. */
  setRow(row: number, values: Float32Array | Int8Array, scale = 1): void {
    const at = this.#rowsAt + row * this.#rowBytes;
    if (this.format === 'f32') {
      this.#f32.set(values, at / 4);
    } else {
      this.#i8.set(values, at);
      this.#f32[(at + this.padded) / 4] = scale;
    }
  }

  /** Copies row `from` over row `to` (padding included). */
  moveRow(from: number, to: number): void {
    const source = this.#rowsAt + from * this.#rowBytes;
    this.#i8.copyWithin(this.#rowsAt + to * this.#rowBytes, source, source + this.#rowBytes);
  }

  /** Writes a query (length dim; float32 values for `f32`, int16 codes for `i8`) into slot `slot`. */
  setQuery(slot: number, values: Float32Array | Int16Array): void {
    const at = slot * this.padded;
    if (this.format === 'f32') this.#f32.set(values, at);
    else this.#i16.set(values, at);
  }

  /**
   * Scores rows 0…count−1 against the queries in slots 0…queries−1 (1 or `slots`): a view, valid until the next scan
   * or reserve, holding query q's score of row r at q × count + r.
   */
  scan(count: number, queries: number): Float32Array {
    const out = this.#rowsAt + this.#capacity * this.#rowBytes;
    const scan = queries === 1 ? this.#kernels.one : this.#kernels.block;
    if (queries !== 1 && queries !== this.slots) throw new RangeError(`a scan takes 1 or ${this.slots} queries`);
    scan(this.#rowsAt, 0, count, out);
    return this.#f32.subarray(out / 4, out / 4 + queries * count);
  }

  /** The score of one row against the query in slot `slot`, by the same kernel as a scan. */
  scoreRow(row: number, slot: number): number {
    const out = this.#rowsAt + this.#capacity * this.#rowBytes;
    const queryAt = slot * this.padded * ELEMENT_BYTES[this.format].query;
    this.#kernels.one(this.#rowsAt + row * this.#rowBytes, queryAt, 1, out);
    return this.#f32[out / 4]!;
  }

  #views(): void {
    const buffer = this.#kernels.memory.buffer;
    this.#f32 = new Float32Array(buffer);
    this.#i8 = new Int8Array(buffer);
    this.#i16 = new Int16Array(buffer);
  }
}
