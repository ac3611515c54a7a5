// Benchmark: the orchestrator's memory while N remote jobs with a gallery run at once, for each limit on running jobs
// (PMR_MAX_RUNNING_JOBS). For each limit it starts the six services on a real nats-server, runs one job alone (warm-up),
// then N `pmr analyze --remote` at once, each uploading the clip and sending the whole gallery inline, as users would.
// It prints, per limit, the orchestrator's RSS when idle (just started, and again after the warm-up job), its peak RSS
// during the N jobs (VmRSS sampled every 50 ms), the peak over the idle after warm-up, and the wall time of the N jobs;
// and checks that every job gave the warm-up's tracks.
//
//   PMR_MODELS_DIR=../shared/models node e2e/bench/concurrent-jobs.ts [--jobs 8] [--limits 8,4] [--gallery DIR]
//       [--send inline,collection] [clip]
//
// `--send` says how the jobs get the gallery: `inline` sends its photos with every StartVideoJob (`--gallery`);
// `collection` indexes them once into a collection (IndexFaces, before the warm-up) and every job names it
// (`--collection`). Each way is measured on a deployment of its own.
//
// The limit travels in every service's environment (only the orchestrator reads it), so this file also measures a
// checkout that has no limit: copy it into that checkout's e2e/bench and run it there. Figures vary between runs on
// a shared machine; compare limits within one invocation.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { credentials } from '@grpc/grpc-js';
import { loadPmrProto } from '@pmr/common/proto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { startDeployment } from '../src/deployment.ts';
import { dataDir, missingData, missingModels, video } from '../src/paths.ts';
import { runCli } from '../src/run-cli.ts';

type Send = 'inline' | 'collection';

interface Options {
  readonly jobs: number;
  readonly limits: readonly number[];
  readonly gallery: string;
  readonly clip: string;
  readonly send: readonly Send[];
}

function parseArgs(argv: readonly string[]): Options {
  let jobs = 8;
  let limits = [8, 4];
  let gallery = join(dataDir, 'identities');
  let clip = video('short_hamilton_clip.mp4');
  let send: Send[] = ['inline'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--jobs') jobs = Number(argv[++i]);
    else if (arg === '--limits') limits = (argv[++i] ?? '').split(',').map(Number);
    else if (arg === '--gallery') gallery = argv[++i] ?? '';
    else if (arg === '--send') send = (argv[++i] ?? '').split(',') as Send[];
    else clip = arg.includes('/') ? arg : video(arg);
  }
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs takes a whole number of at least 1');
  if (limits.length === 0 || limits.some((l) => !Number.isInteger(l) || l < 1))
    throw new Error('--limits takes whole numbers of at least 1, comma-separated');
  if (send.length === 0 || send.some((s) => s !== 'inline' && s !== 'collection'))
    throw new Error('--send takes inline, collection or both, comma-separated');
  return { jobs, limits, gallery, clip, send };
}

/** VmRSS of a process in MB. */
function rssMB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? Number.NaN : Number(match[1]) / 1024;
}

/** The RSS after `ms` of quiet (the median of samples over the last second, so a passing collection does not count). */
async function settledRssMB(pid: number, ms = 3000): Promise<number> {
  await sleep(Math.max(0, ms - 1000));
  const samples: number[] = [];
  for (let t = 0; t < 10; t++) {
    samples.push(rssMB(pid));
    await sleep(100);
  }
  return samples.sort((a, b) => a - b)[samples.length >> 1]!;
}

interface Row {
  readonly send: Send;
  readonly limit: number;
  readonly idleFresh: number;
  readonly idleWarm: number;
  readonly peak: number;
  readonly wallSeconds: number;
}

async function analyse(options: Options, address: string, send: Send): Promise<string> {
  const gallery = send === 'inline' ? ['--gallery', options.gallery] : ['--collection', 'bench'];
  const run = await runCli(['analyze', options.clip, ...gallery, '--remote', address], { PMR_LOG_LEVEL: 'error' });
  if (run.code !== 0) throw new Error(`pmr analyze --remote failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { tracks: Array<{ id: number; label: string }> };
  return result.tracks.map((t) => `${t.id}:${t.label}`).join(',');
}

/** The gallery folder's photos indexed into the collection "bench", a person per folder (as --gallery enrols them). */
async function indexGallery(address: string, dir: string): Promise<void> {
  const client = new (loadPmrProto().pmr.v1.CollectionService)(address, credentials.createInsecure());
  const call = <R>(method: 'CreateCollection' | 'IndexFaces', request: object): Promise<R> =>
    new Promise((resolve, reject) =>
      (client[method] as (r: object, cb: (e: Error | null, v?: R) => void) => void)(request, (err, value) =>
        err !== null ? reject(err) : resolve(value!),
      ),
    );
  try {
    await call('CreateCollection', { collectionId: 'bench' });
    for (const person of (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      if (person.startsWith('_') || person.startsWith('.')) continue;
      for (const file of (await readdir(join(dir, person))).sort()) {
        if (!/\.(jpe?g|png|webp)$/i.test(file)) continue;
        const data = await readFile(join(dir, person, file));
        await call('IndexFaces', {
          collectionId: 'bench',
          image: { data },
          externalImageId: `${person}/${file}`,
          personId: person,
        });
      }
    }
  } finally {
    client.close();
  }
}

async function measure(options: Options, limit: number, send: Send): Promise<Row> {
  const deployment = await startDeployment({ env: { PMR_MAX_RUNNING_JOBS: String(limit) } });
  try {
    const pid = deployment.services.get('orchestrator')![0]!.child.pid!;
    if (send === 'collection') await indexGallery(deployment.orchestratorAddress(), options.gallery);
    const idleFresh = await settledRssMB(pid);
    const expected = await analyse(options, deployment.orchestratorAddress(), send);
    const idleWarm = await settledRssMB(pid);
    let peak = rssMB(pid);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssMB(pid));
        await sleep(50);
      }
    })();
    const began = Date.now();
    const tracks = await Promise.all(
      Array.from({ length: options.jobs }, () => analyse(options, deployment.orchestratorAddress(), send)),
    );
    const wallSeconds = (Date.now() - began) / 1000;
    sampling = false;
    await sampler;
    const differing = tracks.filter((t) => t !== expected).length;
    if (differing > 0) throw new Error(`${differing} of ${options.jobs} jobs gave other tracks than the job alone`);
    return { send, limit, idleFresh, idleWarm, peak, wallSeconds };
  } finally {
    await deployment.stop();
  }
}

const skip = missingModels() ?? missingData() ?? natsServerSkipReason() ?? null;
if (skip !== null) {
  console.log(`concurrent-jobs benchmark skipped: ${skip}`);
} else {
  const options = parseArgs(process.argv.slice(2));
  console.log(
    `${options.jobs} concurrent remote jobs, ${options.clip} with the gallery ${options.gallery}; orchestrator RSS in MB`,
  );
  const rows: Row[] = [];
  for (const send of options.send) for (const limit of options.limits) rows.push(await measure(options, limit, send));
  console.log(
    '\n| gallery sent | PMR_MAX_RUNNING_JOBS | idle, fresh | idle, after one job | peak, N jobs | peak − idle after one job | wall s, N jobs |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const f = (x: number): string => x.toFixed(0);
  for (const r of rows)
    console.log(
      `| ${r.send} | ${r.limit} | ${f(r.idleFresh)} | ${f(r.idleWarm)} | ${f(r.peak)} | +${f(r.peak - r.idleWarm)} | ${r.wallSeconds.toFixed(1)} |`,
    );
}
