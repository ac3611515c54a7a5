// Collection search benchmark (issue 13): the recognizer's in-memory FaceIndex over 10k, 100k and 1M synthetic
// 128-d faces, in both search modes. Prints a Markdown table; the figures and their method are in docs/benchmark.md
// ("Collection search").
//
//   npm run bench:search [-- [--sizes 10000,100000,1000000] [--data random,clustered] [--modes exact,int8-rerank]
//                            [--queries 200] [--batch 32] [--batches 10] [--runs N]]
//
// Each size, data set and mode is measured in a process of its own (so one index's freed memory cannot blur the
// next one's figures), --runs times (default 1; the runs go round every configuration in turn), and each figure is
// the median over the runs: load time (the index built from a list of Float32Arrays, and from one packed buffer of
// all vectors as a store hands it over), memory (the index's own bytes, and RSS and heap growth across building it,
// after a garbage collection), single-query latency p50/p99 over --queries queries (after 10 unmeasured), batch
// latency p50/p99 over --batches batches of --batch queries with the queries per second it gives, and recall@1 and
// recall@10 against `exact` on the same queries. Data: `random` (unit vectors uniform on the sphere) and `clustered`
// (1000 identities, each face at cosine 0.6–0.8 to its identity's centre, queries fresh faces of the same
// identities: many near ties). Every vector is seeded: each run scores the same data. k = 10 throughout.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { FaceIndex, type FaceHit, type FaceSearchMode } from '@pmr/recognizer';
import { median } from '../src/bench-args.ts';
import { clusteredVectors, randomUnitVectors, vectorAt } from '../src/face-vectors.ts';

const DIM = 128;
const IDENTITIES = 1000;
const WARMUP = 10;
const DATA_SETS = ['random', 'clustered'] as const;
type DataSet = (typeof DATA_SETS)[number];
const MODES: readonly FaceSearchMode[] = ['exact', 'int8-rerank'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    data: { type: 'string', default: DATA_SETS.join(',') },
    modes: { type: 'string', default: MODES.join(',') },
    queries: { type: 'string', default: '200' },
    batch: { type: 'string', default: '32' },
    batches: { type: 'string', default: '10' },
    runs: { type: 'string', default: '1' },
    /** Measure the first size, data set and mode only, in this process (what each row's process is run with). */
    child: { type: 'boolean', default: false },
  },
});

function wholeNumbers(name: string, text: string): number[] {
  const list = text.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${name} takes whole numbers ≥ 1`);
  return list;
}
function choices<T extends string>(name: string, text: string, allowed: readonly T[]): T[] {
  const list = text.split(',');
  const bad = list.filter((x) => !allowed.includes(x as T));
  if (bad.length > 0) throw new Error(`--${name}: ${bad.join(', ')} not one of ${allowed.join(', ')}`);
  return list as T[];
}
const sizes = wholeNumbers('sizes', values.sizes);
const dataSets = choices('data', values.data, DATA_SETS);
const modes = choices('modes', values.modes, MODES);
const [queryCount, batchSize, batchCount, runs] = (['queries', 'batch', 'batches', 'runs'] as const).map(
  (name) => wholeNumbers(name, values[name])[0]!,
) as [number, number, number, number];

const collect = (globalThis as { gc?: () => void }).gc;

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

interface Memory {
  readonly rss: number;
  readonly heap: number;
}
/** RSS and heap after a full collection, and a pause for V8 to hand freed buffers back to the system. */
async function memory(): Promise<Memory> {
  collect?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

/** Mean share of the exact top-k found in `got`'s top-k, per query. */
function recall(got: readonly FaceHit[][], truth: readonly FaceHit[][], k: number): number {
  let sum = 0;
  got.forEach((hits, q) => {
    const want = new Set(truth[q]!.slice(0, k).map((h) => h.faceId));
    sum += hits.slice(0, k).filter((h) => want.has(h.faceId)).length / want.size;
  });
  return sum / got.length;
}

/** One configuration's figures from one run: seconds, bytes, milliseconds; recall null for `exact`. */
interface Figures {
  readonly loadList: number;
  readonly loadBuffer: number;
  readonly indexBytes: number;
  readonly rssGrowth: number;
  readonly heapGrowth: number;
  readonly p50: number;
  readonly p99: number;
  readonly batchP50: number;
  readonly batchP99: number;
  readonly batchQueriesPerSecond: number;
  readonly recall1: number | null;
  readonly recall10: number | null;
}

async function measure(size: number, data: DataSet, mode: FaceSearchMode): Promise<Figures> {
  const { packed, queries } = vectors(data, size, WARMUP + queryCount + batchSize * batchCount);
  const ids = Array.from({ length: size }, (_, i) => `face-${i}`);
  const buffer = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const single = queries.slice(WARMUP, WARMUP + queryCount);
  const batches = Array.from({ length: batchCount }, (_, b) =>
    queries.slice(WARMUP + queryCount + b * batchSize, WARMUP + queryCount + (b + 1) * batchSize),
  );
  const before = await memory();
  const index = new FaceIndex({ dim: DIM, mode });
  const [, loadBuffer] = timed(() => index.addPacked(ids, buffer));
  const after = await memory();
  for (const q of queries.slice(0, WARMUP)) index.search(q, 10);
  const latencies: number[] = [];
  const answers: FaceHit[][] = [];
  for (const q of single) {
    const [hits, t] = timed(() => index.search(q, 10));
    latencies.push(t);
    answers.push(hits);
  }
  const batchLatencies = batches.map((b) => timed(() => index.searchBatch(b, 10))[1]);
  const list = ids.map((id, i) => [id, vectorAt(packed, DIM, i)] as const);
  const [, loadList] = timed(() => new FaceIndex({ dim: DIM, mode }).addMany(list));
  let truth: FaceHit[][] | undefined;
  if (mode !== 'exact') {
    const exact = new FaceIndex({ dim: DIM, mode: 'exact' });
    exact.addPacked(ids, buffer);
    truth = exact.searchBatch(single, 10);
  }
  return {
    loadList: loadList / 1000,
    loadBuffer: loadBuffer / 1000,
    indexBytes: index.byteLength,
    rssGrowth: after.rss - before.rss,
    heapGrowth: after.heap - before.heap,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    batchP50: quantile(batchLatencies, 0.5),
    batchP99: quantile(batchLatencies, 0.99),
    batchQueriesPerSecond: (batchSize * batchCount * 1000) / batchLatencies.reduce((a, b) => a + b, 0),
    recall1: truth === undefined ? null : recall(answers, truth, 1),
    recall10: truth === undefined ? null : recall(answers, truth, 10),
  };
}

/** A configuration measured in a fresh process. */
function measureApart(size: number, data: DataSet, mode: FaceSearchMode): Figures {
  const args = ['--sizes', String(size), '--data', data, '--modes', mode, '--child'];
  const shared = ['--queries', String(queryCount), '--batch', String(batchSize), '--batches', String(batchCount)];
  const child = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, ...args, ...shared], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`${size} ${data} ${mode}: exit ${child.status ?? child.signal}`);
  return JSON.parse(child.stdout) as Figures;
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function row(size: number, data: DataSet, mode: FaceSearchMode, all: readonly Figures[]): string {
  const m = (key: keyof Figures): number => median(all.map((f) => f[key] ?? NaN));
  const recallCell = (key: 'recall1' | 'recall10'): string => (all[0]![key] === null ? '—' : m(key).toFixed(4));
  return [
    size.toLocaleString('en'),
    data,
    mode,
    m('loadList').toFixed(2),
    m('loadBuffer').toFixed(2),
    mb(m('indexBytes')),
    mb(m('rssGrowth')),
    mb(m('heapGrowth')),
    ms(m('p50')),
    ms(m('p99')),
    ms(m('batchP50')),
    ms(m('batchP99')),
    m('batchQueriesPerSecond').toFixed(0),
    recallCell('recall1'),
    recallCell('recall10'),
  ].join(' | ');
}

if (values.child) {
  console.log(JSON.stringify(await measure(sizes[0]!, dataSets[0]!, modes[0]!)));
} else {
  const configurations = sizes.flatMap((size) =>
    dataSets.flatMap((data) => modes.map((mode) => ({ size, data, mode, figures: [] as Figures[] }))),
  );
  for (let run = 0; run < runs; run++) {
    for (const c of configurations) c.figures.push(measureApart(c.size, c.data, c.mode));
  }
  console.log(
    '| faces | data | mode | load from list s | load from buffer s | index MB | RSS +MB | heap +MB | 1 query p50 ms | ' +
      `p99 ms | batch of ${batchSize} p50 ms | p99 ms | batch queries/s | recall@1 | recall@10 |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of configurations) console.log(`| ${row(c.size, c.data, c.mode, c.figures)} |`);
}

/** `size` faces packed, and `count` query vectors drawn like them (fresh faces of the same identities). */
function vectors(data: DataSet, size: number, count: number): { packed: Float32Array; queries: Float32Array[] } {
  const all =
    data === 'random' ? randomUnitVectors(size + count, DIM, 1) : clusteredVectors(size + count, DIM, IDENTITIES, 1);
  const queries = Array.from({ length: count }, (_, i) => vectorAt(all, DIM, size + i));
  return { packed: all.subarray(0, size * DIM), queries };
}
