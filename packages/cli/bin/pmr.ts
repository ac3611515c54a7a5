#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --initial-old-space-size=48
// `pmr`: an embedded analysis runs in a child process (see supervise.ts); every other command, and that child, here.
import { isEmbeddedAnalysis } from '../src/args.ts';
import { CHILD_ENV, releaseParentChannel, runSupervised } from '../src/supervise.ts';

const argv = process.argv.slice(2);
if (process.env[CHILD_ENV] !== '1' && isEmbeddedAnalysis(argv)) {
  process.exitCode = await runSupervised(import.meta.filename, argv, process.env);
} else {
  releaseParentChannel();
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(argv);
}
