// Benchmark: the same clip and gallery analysed embedded (one process) and distributed (six service processes over a
// real nats-server, started once), alternating, N times each; prints the median analysed-frames-per-second of both
// and their ratio, the end-to-end wall time of `pmr analyze --remote`, the NATS payload bytes per analysed frame by
// subject family, and each process's CPU seconds over the distributed analysis and peak RSS.
//
//   PMR_MODELS_DIR=../shared/models npm run bench:distributed [-- [--runs N] clip.mp4 …]
//
// Analysis time, both ways, excludes model loading, start-up and gallery enrolment: embedded it is the result's
// stats.elapsedSeconds; distributed it runs from the orchestrator's "decode requested" log line (the DecodeJob is
// published) to its "job succeeded" line, both stamped by the orchestrator. The first distributed job of each clip
// is a warm-up (services run their first inferences) and the one whose NATS traffic is counted: a core subscription
// on `pmr.>` and `$O.>` adds payload bytes by subject family. It is not timed, so that copying every message to this
// process does not slow the timed runs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { LogLine } from '@pmr/common/testing/service-process';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { startDeployment, type Deployment, type RunningService, type ServiceName } from '../src/deployment.ts';
import { dataDir, missingData, missingModels } from '../src/paths.ts';
import { runCli } from '../src/run-cli.ts';
import { median, parseBenchArgs } from '../src/bench-args.ts';

interface AnalysisJson {
  video: { analysedFrames: number; width: number; height: number };
  stats: { elapsedSeconds: number };
}

/** A process whose CPU time and peak RSS are read from /proc. */
interface Watched {
  readonly name: string;
  readonly pid: number;
}

interface DistributedRun {
  readonly result: AnalysisJson;
  readonly analysisSeconds: number;
  readonly wallSeconds: number;
  /** CPU seconds per watched process between "decode requested" and "job succeeded". */
  readonly cpu: Map<string, number>;
}

const FAMILIES = [
  'frames',
  'faces',
  'tracks',
  'results',
  'decode',
  'obj:pmr-frames',
  'obj:pmr-uploads',
  'obj:pmr-tracker-state',
  'obj:other',
  'other',
] as const;
type Family = (typeof FAMILIES)[number];
const SHOWN_FAMILIES: readonly Family[] = [
  'frames',
  'faces',
  'tracks',
  'results',
  'obj:pmr-frames',
  'obj:pmr-uploads',
  'obj:pmr-tracker-state',
];
const BUCKETS: ReadonlySet<string> = new Set(['pmr-frames', 'pmr-uploads', 'pmr-tracker-state']);

// ---- pure helpers ------------------------------------------------------------------------------------------------

/** The subject family a message is counted under: pmr.<family>.…, or an object store bucket's $O.<bucket>.… */
function familyOf(subject: string): Family {
  const [first, second] = subject.split('.');
  if (first === '$O') return BUCKETS.has(second ?? '') ? (`obj:${second}` as Family) : 'obj:other';
  if (first !== 'pmr') return 'other';
  return (FAMILIES as readonly string[]).includes(second ?? '') ? (second as Family) : 'other';
}

/** utime+stime in clock ticks, from the text of /proc/<pid>/stat. */
function cpuTicksOfStat(stat: string): number {
  // Fields after the command's closing parenthesis start at field 3 (state); utime is field 14.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const [utime, stime] = fields.slice(11, 13) as [number, number];
  return utime + stime;
}

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

// ---- /proc ---------------------------------------------------------------------------------------------------------

const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const cpuSeconds = (p: Watched): number => cpuTicksOfStat(readFileSync(`/proc/${p.pid}/stat`, 'utf8')) / CLOCK_TICKS;

function peakRssMB(pid: number): number {
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return hwm === null ? Number.NaN : Number(hwm[1]) / 1024;
}

/** The pid of the nats-server started with `-c <configPath>` (the harness writes the config beside the store). */
function natsServerPid(configPath: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes(configPath) && basename(argv[0] ?? '').startsWith('nats-server')) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error(`no nats-server process with ${configPath}`);
}

const PIPELINE_ORDER: readonly ServiceName[] = [
  'decoder',
  'detector',
  'tracker',
  'recognizer',
  'attributes',
  'orchestrator',
];

function watchedProcesses(deployment: Deployment): Watched[] {
  const watched: Watched[] = [];
  for (const name of PIPELINE_ORDER) {
    const list = deployment.services.get(name) ?? [];
    for (const [i, s] of list.entries()) {
      if (s.child.pid === undefined) throw new Error(`${name} has no pid`);
      watched.push({ name: list.length > 1 ? `${name}#${i + 1}` : name, pid: s.child.pid });
    }
  }
  watched.push({ name: 'nats-server', pid: natsServerPid(join(dirname(deployment.nats.storeDir), 'nats.conf')) });
  return watched;
}

// ---- runs ----------------------------------------------------------------------------------------------------------

async function analyseEmbedded(clip: string, gallery: string, out: string): Promise<AnalysisJson> {
  const run = await runCli(['analyze', clip, '--gallery', gallery, '--json', out], { PMR_LOG_LEVEL: 'error' });
  if (run.code !== 0) throw new Error(`pmr analyze ${clip} failed: ${run.stderr}`);
  return JSON.parse(await readFile(out, 'utf8')) as AnalysisJson;
}

/** Resolves with the first log line from index `from` on that `match`es, checking whenever the process writes. */
function waitForLog(
  service: RunningService,
  from: number,
  match: (line: LogLine) => boolean,
  signal: AbortSignal,
): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const stderr = service.child.stderr;
    const finish = (): void => {
      stderr?.off('data', onData);
      signal.removeEventListener('abort', onAbort);
    };
    const check = (): void => {
      const line = service.logs.slice(from).find(match);
      if (line === undefined) return;
      finish();
      resolve(line);
    };
    // The harness's line reader sees the chunk first; look once it has pushed the line.
    const onData = (): void => void setImmediate(check);
    const onAbort = (): void => {
      finish();
      reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    };
    stderr?.on('data', onData);
    signal.addEventListener('abort', onAbort, { once: true });
    check();
  });
}

async function analyseDistributed(
  deployment: Deployment,
  watched: readonly Watched[],
  clip: string,
  gallery: string,
  out: string,
): Promise<DistributedRun> {
  const orchestrator = deployment.services.get('orchestrator')?.[0];
  if (orchestrator === undefined) throw new Error('no orchestrator running');
  const from = orchestrator.logs.length;
  const failed = new AbortController();
  const signal = AbortSignal.any([failed.signal, AbortSignal.timeout(15 * 60_000)]);
  const started = performance.now();
  const cli = runCli(
    ['analyze', clip, '--gallery', gallery, '--remote', deployment.orchestratorAddress(), '--json', out],
    { PMR_LOG_LEVEL: 'error' },
  ).then((run) => {
    if (run.code !== 0) failed.abort(new Error(`pmr analyze --remote ${clip} failed: ${run.stderr}`));
    return run;
  });
  try {
    const requested = await waitForLog(orchestrator, from, (l) => l.msg === 'decode requested', signal);
    const before = new Map(watched.map((p) => [p.name, cpuSeconds(p)]));
    const jobId = requested.jobId;
    const ended = await waitForLog(
      orchestrator,
      from,
      (l) => l.jobId === jobId && (l.msg === 'job succeeded' || l.msg === 'job failed'),
      signal,
    );
    const cpu = new Map(watched.map((p) => [p.name, cpuSeconds(p) - (before.get(p.name) ?? 0)]));
    if (ended.msg !== 'job succeeded') throw new Error(`job ${String(jobId)} failed: ${JSON.stringify(ended)}`);
    const run = await cli;
    if (run.code !== 0) throw new Error(`pmr analyze --remote ${clip} failed: ${run.stderr}`);
    const wallSeconds = (performance.now() - started) / 1000;
    const result = JSON.parse(await readFile(out, 'utf8')) as AnalysisJson;
    return { result, analysisSeconds: (Number(ended.time) - Number(requested.time)) / 1000, wallSeconds, cpu };
  } finally {
    failed.abort(new Error('run over'));
    await cli.catch(() => undefined);
  }
}

/** Payload bytes per subject family published while `during` runs, seen by a core subscription. */
async function countTraffic(nc: NatsConnection, during: () => Promise<unknown>): Promise<Map<Family, number>> {
  const bytes = new Map<Family, number>();
  const count = (_err: unknown, msg: { subject: string; data: Uint8Array }): void => {
    const family = familyOf(msg.subject);
    bytes.set(family, (bytes.get(family) ?? 0) + msg.data.length);
  };
  const subs = [nc.subscribe('pmr.>', { callback: count }), nc.subscribe('$O.>', { callback: count })];
  await nc.flush();
  try {
    await during();
    await nc.flush();
  } finally {
    for (const s of subs) s.unsubscribe();
  }
  return bytes;
}

// ---- main ----------------------------------------------------------------------------------------------------------

interface ClipReport {
  readonly clip: string;
  readonly size: string;
  readonly analysed: string;
  readonly embeddedFps: number[];
  readonly distributedFps: number[];
  readonly wallSeconds: number[];
  readonly traffic: Map<Family, number>;
  readonly cpu: Map<string, number[]>;
  readonly rssMB: Map<string, number>;
  readonly perFrame: number;
}

async function benchClip(
  deployment: Deployment,
  nc: NatsConnection,
  watched: readonly Watched[],
  clip: string,
  runs: number,
  dir: string,
): Promise<ClipReport> {
  const gallery = join(dataDir, 'identities');
  const out = (what: string): string => join(dir, `${basename(clip)}.${what}.json`);
  let warmup: DistributedRun | undefined;
  const traffic = await countTraffic(
    nc,
    async () => (warmup = await analyseDistributed(deployment, watched, clip, gallery, out('warmup'))),
  );
  console.error(
    `${basename(clip)}: warm-up distributed job ${f1(warmup!.analysisSeconds)} s analysis, traffic counted`,
  );
  const embeddedFps: number[] = [];
  const distributedFps: number[] = [];
  const wallSeconds: number[] = [];
  const cpu = new Map<string, number[]>(watched.map((p) => [p.name, []]));
  let embedded: AnalysisJson | undefined;
  let distributed: AnalysisJson | undefined;
  for (let i = 0; i < runs; i++) {
    embedded = await analyseEmbedded(clip, gallery, out(`embedded.${i}`));
    embeddedFps.push(embedded.video.analysedFrames / embedded.stats.elapsedSeconds);
    const run = await analyseDistributed(deployment, watched, clip, gallery, out(`remote.${i}`));
    distributed = run.result;
    distributedFps.push(run.result.video.analysedFrames / run.analysisSeconds);
    wallSeconds.push(run.wallSeconds);
    for (const [name, s] of run.cpu) cpu.get(name)?.push(s);
    console.error(
      `${basename(clip)} run ${i + 1}/${runs}: embedded ${f1(embeddedFps.at(-1)!)} fps, distributed ${f1(distributedFps.at(-1)!)} fps, --remote ${f1(run.wallSeconds)} s`,
    );
  }
  const frames = distributed!.video.analysedFrames;
  return {
    clip: basename(clip),
    size: `${distributed!.video.width}×${distributed!.video.height}`,
    analysed:
      embedded!.video.analysedFrames === frames
        ? String(frames)
        : `${frames} (embedded ${embedded!.video.analysedFrames})`,
    embeddedFps,
    distributedFps,
    wallSeconds,
    traffic,
    cpu,
    rssMB: new Map(watched.map((p) => [p.name, peakRssMB(p.pid)])),
    perFrame: Math.max(1, frames),
  };
}

function printReport(reports: readonly ClipReport[], runs: number): void {
  const kB = (bytes: number, frames: number): string => f1(bytes / frames / 1024);
  console.log(
    `| clip | size | analysed frames | embedded fps | distributed fps | distributed ÷ embedded | e2e wall --remote s | ${SHOWN_FAMILIES.map((f) => `${f} kB/frame`).join(' | ')} | all NATS kB/frame |`,
  );
  console.log(`|${' --- |'.repeat(7 + SHOWN_FAMILIES.length + 1)}`);
  for (const r of reports) {
    const total = [...r.traffic.values()].reduce((a, b) => a + b, 0);
    const e = median(r.embeddedFps);
    const d = median(r.distributedFps);
    console.log(
      `| ${r.clip} | ${r.size} | ${r.analysed} | ${f1(e)} | ${f1(d)} | ${f2(d / e)} | ${f1(median(r.wallSeconds))} | ${SHOWN_FAMILIES.map((f) => kB(r.traffic.get(f) ?? 0, r.perFrame)).join(' | ')} | ${kB(total, r.perFrame)} |`,
    );
  }
  console.log('\n| clip | process | CPU s (analysis) | CPU ms / analysed frame | peak RSS MB |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of reports) {
    let total = 0;
    for (const [name, values] of r.cpu) {
      const s = median(values);
      total += s;
      console.log(
        `| ${r.clip} | ${name} | ${f2(s)} | ${f1((s * 1000) / r.perFrame)} | ${Math.round(r.rssMB.get(name) ?? Number.NaN)} |`,
      );
    }
    console.log(
      `| ${r.clip} | all (RSS: sum of peaks) | ${f2(total)} | ${f1((total * 1000) / r.perFrame)} | ${Math.round([...r.rssMB.values()].reduce((a, b) => a + b, 0))} |`,
    );
  }
  console.log(
    `\nMedians of ${runs} alternating runs each; fps are analysed frames per second of analysis time (model loading, start-up and enrolment excluded).`,
  );
  for (const r of reports) {
    console.log(
      `${r.clip}: embedded fps ${r.embeddedFps.map(f1).join(', ')}; distributed fps ${r.distributedFps.map(f1).join(', ')}; --remote wall s ${r.wallSeconds.map(f1).join(', ')}.`,
    );
    const rest = FAMILIES.filter((f) => !SHOWN_FAMILIES.includes(f) && (r.traffic.get(f) ?? 0) > 0);
    if (rest.length > 0)
      console.log(
        `  other NATS payload: ${rest.map((f) => `${f} ${(r.traffic.get(f)! / 1024).toFixed(1)} kB`).join(', ')} in all.`,
      );
  }
}

async function main(): Promise<void> {
  const why = missingModels() ?? missingData() ?? natsServerSkipReason() ?? null;
  if (why !== null) {
    console.error(`benchmark needs the models, the test media and nats-server: ${why}`);
    process.exitCode = 1;
    return;
  }
  const { runs, clips } = parseBenchArgs(process.argv.slice(2), ['short_hamilton_clip.mp4']);
  const dir = await mkdtemp(join(tmpdir(), 'pmr-bench-'));
  let deployment: Deployment | undefined;
  let nc: NatsConnection | undefined;
  let interrupted = false;
  let cleaning: Promise<void> | undefined;
  // Once only, whoever asks first (the end of main or a signal): close the subscription, stop every process.
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      await nc?.close().catch(() => undefined);
      await deployment?.stop();
      await rm(dir, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`${signal}: stopping the deployment`);
    interrupted = true;
    // While the deployment starts, main stops it as soon as it is up.
    if (deployment !== undefined) void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    deployment = await startDeployment();
    if (interrupted) {
      await cleanUp();
      process.exit(130);
    }
    nc = await connect({ servers: deployment.nats.url, name: 'pmr-bench-traffic' });
    const watched = watchedProcesses(deployment);
    const reports: ClipReport[] = [];
    for (const clip of clips) reports.push(await benchClip(deployment, nc, watched, clip, runs, dir));
    printReport(reports, runs);
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

await main();
