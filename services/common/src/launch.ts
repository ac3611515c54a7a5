// How a PMR process is started. `pmr` carries these settings in its `#!` line (see shebangLine); whatever starts a PMR
// process itself (the cluster launcher, the test helpers, the benchmarks) uses nodeArgs() and launchEnv().
//
// MALLOC_ARENA_MAX=2: glibc gives every thread that allocates its own malloc arena (the inference threads, libuv's
// pool, libvips' workers during enrolment), and freed memory stays in them; two arenas keep peak RSS under the 400 MB
// budget at no speed cost.
//
// --initial-old-space-size=48: a PMR process keeps a small JS heap (≈ 10 MB live) while it churns through frames,
// tensors and chips; with V8's default limits for so small a heap it runs a full mark-compact every ≈ 90 ms. Starting
// the old generation at 48 MB keeps its limits clear of that. Measurements: docs/benchmark.md, "Process settings".

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
