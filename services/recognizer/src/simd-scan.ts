// Dot-product scans for the face index, as WebAssembly SIMD kernels assembled here from a few opcodes (no toolchain,
// no native code). A kernel reads `count` rows laid out back to back in a WebAssembly memory and writes, for each of
// `queries` query vectors, one score per row. Two row formats:
// - `f32`: float32 rows and queries; the score is the float32 dot product.
// - `i8`: int8 rows, each followed by a float32 scale, and int16 queries (sign-extended and multiplied pairwise into
//   int32 lanes); the score is the int32 dot product of the codes, as float32, times the row's scale.
// Every score is computed by the same fixed sequence of operations whatever the row's position, the row count or the
// number of queries per pass, and WebAssembly float arithmetic is IEEE without fused multiply-add: the same row and
// query give the same bits on every machine.

/** The slice of the WebAssembly JS API the scans use (the build's libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: object };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export type RowFormat = 'f32' | 'i8';

/** Bytes of one row element, and of one query element. */
export const ELEMENT_BYTES: Readonly<Record<RowFormat, { row: number; query: number }>> = {
  f32: { row: 4, query: 4 },
  i8: { row: 1, query: 2 },
};

/** Bytes of one row of `padded` elements (an `i8` row ends with its float32 scale). */
export function rowBytes(format: RowFormat, padded: number): number {
  return format === 'f32' ? 4 * padded : padded + 4;
}

/** Row and query lengths are padded with zeros to a multiple of this (so the kernels need no tail loop). */
export const LANE_PAD = 32;
export const PAGE_BYTES = 65536;

export function paddedLength(dim: number): number {
  return Math.ceil(dim / LANE_PAD) * LANE_PAD;
}

/**
 * `scan(rows, queries, count, out)`: byte offsets in the memory. Row r starts at `rows + r × rowBytes`; query q at
 * `queries + q × queryBytes`; the float32 score of row r for query q goes to `out + (q × count + r) × 4`.
 */
export type Scan = (rows: number, queries: number, count: number, out: number) => void;

export interface ScanKernels {
  readonly memory: WasmMemory;
  /** Scans with 1 and with `block` queries per pass over the rows. */
  readonly one: Scan;
  readonly block: Scan;
}

// --- a minimal WebAssembly binary writer -----------------------------------------------------------------------------

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const vector = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: readonly number[]): number[] => [id, ...uleb(body.length), ...body];
const utf8 = (s: string): number[] => vector([...new TextEncoder().encode(s)].map((b) => [b]));

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  i32Const: (v: number) => [0x41, ...sleb(v)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Eqz: [0x45],
  f32Add: [0x92],
  f32Mul: [0x94],
  f32ConvertI32S: [0xb2],
  f32Load: (offset: number) => [0x2a, 2, ...uleb(offset)],
  f32Store: [0x38, 2, 0],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  end: [0x0b],
  // SIMD (prefix 0xfd); memarg is log2(alignment) then the offset.
  v128Load: (offset: number) => [0xfd, ...uleb(0x00), 4, ...uleb(offset)],
  v128Load8x8S: (offset: number) => [0xfd, ...uleb(0x01), 3, ...uleb(offset)],
  f32x4ExtractLane: (lane: number) => [0xfd, ...uleb(0x1f), lane],
  i32x4ExtractLane: (lane: number) => [0xfd, ...uleb(0x1b), lane],
  f32x4Add: [0xfd, ...uleb(0xe4)],
  f32x4Mul: [0xfd, ...uleb(0xe6)],
  i32x4Add: [0xfd, ...uleb(0xae)],
  i32x4DotI16x8S: [0xfd, ...uleb(0xba)],
};

const ACCUMULATORS = 4;

/**
 * The body of one scan function. Params 0–3: rows, queries, count, out. Locals: 4 the row counter, 5… one output
 * pointer per query, then the vector accumulators.
 */
function scanBody(format: RowFormat, padded: number, queries: number): number[] {
  const [ROWS, QUERIES, COUNT, OUT, LEFT] = [0, 1, 2, 3, 4];
  const outOf = (q: number): number => 5 + q;
  const acc = (a: number): number => 5 + queries + a;
  const bytesPerRow = rowBytes(format, padded);
  const queryBytes = padded * ELEMENT_BYTES[format].query;
  const f32 = format === 'f32';
  const chunks = padded / (f32 ? 4 : 8); // 4 floats, or 8 int8 widened to int16, per 128-bit vector
  const code: number[] = [];
  // out_q = out + q × count × 4
  for (let q = 0; q < queries; q++) {
    code.push(...op.localGet(OUT), ...op.localGet(COUNT), ...op.i32Const(4 * q), ...op.i32Mul, ...op.i32Add);
    code.push(...op.localSet(outOf(q)));
  }
  code.push(...op.localGet(COUNT), ...op.localSet(LEFT));
  code.push(...op.block, ...op.loop);
  code.push(...op.localGet(LEFT), ...op.i32Eqz, ...op.brIf(1));
  for (let q = 0; q < queries; q++) {
    for (let c = 0; c < chunks; c++) {
      const a = c % ACCUMULATORS;
      if (c >= ACCUMULATORS) code.push(...op.localGet(acc(a)));
      code.push(...op.localGet(ROWS), ...(f32 ? op.v128Load(16 * c) : op.v128Load8x8S(8 * c)));
      code.push(...op.localGet(QUERIES), ...op.v128Load(q * queryBytes + 16 * c));
      code.push(...(f32 ? op.f32x4Mul : op.i32x4DotI16x8S));
      if (c >= ACCUMULATORS) code.push(...(f32 ? op.f32x4Add : op.i32x4Add));
      code.push(...op.localSet(acc(a)));
    }
    // ((a0 + a1) + (a2 + a3)), then ((l0 + l1) + (l2 + l3)) over its lanes (times the scale for i8), stored at out_q.
    const add = f32 ? op.f32x4Add : op.i32x4Add;
    code.push(...op.localGet(acc(0)), ...op.localGet(acc(1)), ...add);
    code.push(...op.localGet(acc(2)), ...op.localGet(acc(3)), ...add, ...add, ...op.localSet(acc(0)));
    const lane = f32 ? op.f32x4ExtractLane : op.i32x4ExtractLane;
    const scalarAdd = f32 ? op.f32Add : op.i32Add;
    code.push(...op.localGet(outOf(q)));
    code.push(...op.localGet(acc(0)), ...lane(0), ...op.localGet(acc(0)), ...lane(1), ...scalarAdd);
    code.push(...op.localGet(acc(0)), ...lane(2), ...op.localGet(acc(0)), ...lane(3), ...scalarAdd, ...scalarAdd);
    if (!f32) code.push(...op.f32ConvertI32S, ...op.localGet(ROWS), ...op.f32Load(padded), ...op.f32Mul);
    code.push(...op.f32Store);
    code.push(...op.localGet(outOf(q)), ...op.i32Const(4), ...op.i32Add, ...op.localSet(outOf(q)));
  }
  code.push(...op.localGet(ROWS), ...op.i32Const(bytesPerRow), ...op.i32Add, ...op.localSet(ROWS));
  code.push(...op.localGet(LEFT), ...op.i32Const(1), ...op.i32Sub, ...op.localSet(LEFT));
  code.push(...op.br(0), ...op.end, ...op.end, ...op.end);
  const locals = vector([
    [1 + queries, I32],
    [ACCUMULATORS, V128],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/** The module's bytes: memory imported as env.memory; exports `one` and `block`. */
export function scanModule(format: RowFormat, padded: number, block: number): Uint8Array {
  if (padded % LANE_PAD !== 0) throw new RangeError(`row length ${padded} is not a multiple of ${LANE_PAD}`);
  const type = [0x60, ...vector([[I32], [I32], [I32], [I32]]), 0];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([type])),
    ...section(2, vector([[...utf8('env'), ...utf8('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector([[0], [0]])),
    ...section(
      7,
      vector([
        [...utf8('one'), 0x00, 0],
        [...utf8('block'), 0x00, 1],
      ]),
    ),
    ...section(10, vector([scanBody(format, padded, 1), scanBody(format, padded, block)])),
  ]);
}

/** A fresh memory of `pages` 64 KiB pages and the scans over it. */
export function createScanKernels(format: RowFormat, padded: number, block: number, pages: number): ScanKernels {
  const memory = new wasm.Memory({ initial: pages });
  const instance = new wasm.Instance(new wasm.Module(scanModule(format, padded, block)), { env: { memory } });
  const { one, block: blockScan } = instance.exports as { one: Scan; block: Scan };
  return { memory, one, block: blockScan };
}
