// How a PMR process is started. `pmr` carries these settings in its `#!` line (see shebangLine); whatever starts a PMR
// process itself (the cluster launcher, the test helpers, the benchmarks) uses nodeArgs() and launchEnv().
//
// MALLOC_ARENA_MAX=2: glibc gives every thread that allocates its own malloc arena (the inference thread, libuv's
// pool, libvips' workers during enrolment), and freed memory stays in them. Peak RSS of `pmr analyze` on the 1080p
// crowd clip with the gallery was 380–409 MB with the default, against the 400 MB budget; with 2 arenas 332 MB, and
// Hamilton 340 → 297 MB, at no speed difference beyond the machine's noise.
//
// --initial-old-space-size=48: a PMR process keeps a small JS heap (≈ 10 MB live) while it churns through frames,
// tensors and chips. With V8's default limits for so small a heap the pipeline ran a full mark-compact every ≈ 90 ms
// (47 during the 4.4 s of `pmr analyze short_hamilton_clip.mp4 --skip none`), which cost ≈ 1 CPU-second on V8's
// helper threads plus the pauses. Starting the old generation at 48 MB keeps its limits clear of that: 5–6
// mark-compacts, ≈ 0.7 CPU-s less and 10–15% less wall time on the 2-core machine. 64 MB saved no more and cost
// +30 MB peak RSS on the crowd clip.

/** Environment every PMR process starts with (values already in the caller's environment are kept). */
export const LAUNCH_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** V8 flags every PMR process starts with, before its entry file. */
export const NODE_FLAGS: readonly string[] = ['--initial-old-space-size=48'];

/** Arguments for `node` to run `entry` (a .ts file) with `args` as PMR runs. */
export function nodeArgs(entry: string, args: readonly string[] = []): string[] {
  return [...NODE_FLAGS, entry, ...args];
}

/** `env` with LAUNCH_ENV under it, for a PMR child process. */
export function launchEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...LAUNCH_ENV, ...env };
}

/** The `#!` line of an executable PMR entry file: `env -S` sets LAUNCH_ENV (overriding the caller's) and NODE_FLAGS. */
export function shebangLine(): string {
  const assignments = Object.entries(LAUNCH_ENV).map(([name, value]) => `${name}=${value}`);
  return `#!/usr/bin/env -S ${[...assignments, 'node', ...NODE_FLAGS].join(' ')}`;
}
