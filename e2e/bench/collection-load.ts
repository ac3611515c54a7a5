// Collection load benchmark: how long a recognizer takes to load a face collection from its store (what it does at
// start, and when a copy falls behind), and what the copy costs in memory. A collection of N synthetic faces is filled
// in each store — every face with the 8 templates IndexFaces stores for a face indexed with a person (the photo and
// its 7 augmentations), the faces spread over 1000 persons — and then loaded the way the recognizer loads it
// (CollectionCopies, pages of 2000 faces, each put into its CollectionCopy). Prints a Markdown table; the figures and
// their method are in docs/benchmark.md ("Collection load").
//
//   npm run bench:collection-load [-- [--sizes 10000,100000] [--stores sqlite,ferretdb]]
//
// Each size and store is measured in a process of its own, so one copy's freed memory cannot blur the next one's.
// FerretDB is found as the stores' tests find it (PMR_FERRETDB, the PATH, Go's bin folder).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '@pmr/common/logger';
import { openCollectionStore, type CollectionStore, type NewFace } from '@pmr/collections';
import { startFerretDb, type FerretDbHandle } from '@pmr/mongo/testing/ferretdb';
import { CollectionCopies } from '@pmr/recognizer/collection-copies';
import { randomUnitVectors, vectorAt } from '../src/face-vectors.ts';

const DIM = 128;
const TEMPLATES = 8;
const PERSONS = 1000;
const FILL_BATCH = 500;
const MODEL = 'bench-model';
const STORES = ['sqlite', 'ferretdb'] as const;
type StoreKind = (typeof STORES)[number];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    stores: { type: 'string', default: STORES.join(',') },
    child: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes whole numbers ≥ 1');
const stores = values.stores.split(',') as StoreKind[];
const unknown = stores.filter((s) => !STORES.includes(s));
if (unknown.length > 0) throw new Error(`--stores: ${unknown.join(', ')} not one of ${STORES.join(', ')}`);

interface Row {
  readonly store: StoreKind;
  readonly faces: number;
  readonly fillS: number;
  readonly storeMB: number | null;
  readonly loadS: number;
  readonly facesPerS: number;
  readonly rssMB: number;
  readonly heapMB: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

/** Opens the store (a fresh SQLite file, or a fresh FerretDB), and what removes it again. */
async function openStore(
  kind: StoreKind,
): Promise<{ store: CollectionStore; sizeMB: () => number | null; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pmr-bench-load-'));
  let ferret: FerretDbHandle | undefined;
  const location = kind === 'sqlite' ? join(dir, 'jobs.db') : `${(ferret = await startFerretDb()).url}bench`;
  const store = await openCollectionStore(location);
  return {
    store,
    sizeMB: () => (kind === 'sqlite' ? mb(statSync(location).size) : null),
    close: async () => {
      await store.close();
      await ferret?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function fill(store: CollectionStore, faces: number): Promise<void> {
  await store.createCollection({ id: 'bench', embeddingModel: MODEL, embeddingDim: DIM });
  const vectors = randomUnitVectors(FILL_BATCH * TEMPLATES, DIM, 7); // reused batch to batch: loading cost is the same
  for (let start = 0; start < faces; start += FILL_BATCH) {
    const count = Math.min(FILL_BATCH, faces - start);
    const batch: NewFace[] = Array.from({ length: count }, (_, i) => {
      const templates = Array.from({ length: TEMPLATES }, (_, t) => vectorAt(vectors, DIM, i * TEMPLATES + t));
      return {
        externalImageId: `photo-${start + i}.jpg`,
        imageSha256: (start + i).toString(16).padStart(64, '0'),
        box: { x: 10, y: 10, width: 80, height: 100 },
        confidence: 0.9,
        quality: { score: 0.8, detector: 0.9, size: 0.7, sharpness: 0.6, frontalness: 0.95 },
        embedding: templates[0]!,
        templates,
      };
    });
    const person = `person-${(start / FILL_BATCH) % PERSONS}`;
    await store.addFaces('bench', { embeddingModel: MODEL, faces: batch, personId: person });
  }
}

async function measure(kind: StoreKind, faces: number): Promise<Row> {
  const { store, sizeMB, close } = await openStore(kind);
  try {
    let started = performance.now();
    await fill(store, faces);
    const fillS = (performance.now() - started) / 1000;
    globalThis.gc?.();
    const before = process.memoryUsage();
    started = performance.now();
    const copies = new CollectionCopies(store, silentLogger());
    const copy = await copies.get('bench');
    const loadS = (performance.now() - started) / 1000;
    globalThis.gc?.();
    const after = process.memoryUsage();
    if (copy.faceCount !== faces) throw new Error(`loaded ${copy.faceCount} faces of ${faces}`);
    return {
      store: kind,
      faces,
      fillS,
      storeMB: sizeMB(),
      loadS,
      facesPerS: Math.round(faces / loadS),
      rssMB: mb(after.rss - before.rss),
      heapMB: mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers),
    };
  } finally {
    await close();
  }
}

if (values.child) {
  console.log(JSON.stringify(await measure(stores[0]!, sizes[0]!)));
} else {
  console.log('| store | faces | fill s | store MB | load s | faces/s | RSS growth MB | heap + buffers MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const faces of sizes) {
    for (const kind of stores) {
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', ...process.execArgv, process.argv[1]!, '--child', '--sizes', String(faces), '--stores', kind],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      );
      if (child.status !== 0) throw new Error(`${kind} at ${faces} faces failed (exit ${String(child.status)})`);
      const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Row;
      console.log(
        `| ${r.store} | ${r.faces} | ${r.fillS.toFixed(1)} | ${r.storeMB ?? '–'} | ${r.loadS.toFixed(2)} | ${r.facesPerS} | ${r.rssMB} | ${r.heapMB} |`,
      );
    }
  }
}
