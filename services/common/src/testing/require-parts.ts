// The one place a test decides what to do when a part it needs from outside the repository is missing: a model
// file, the shared test media, a nats-server binary, a tool. On a laptop the test skips with the reason printed;
// with PMR_REQUIRE_ALL=1 (set by .ci/run) a missing part is an error that names it, so CI cannot pass by skipping.
// The checks below answer null (or undefined) when the part is there and a sentence saying what is missing when not.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** True when PMR_REQUIRE_ALL=1: every missing part fails the test instead of skipping it. */
export function requireAll(): boolean {
  return process.env['PMR_REQUIRE_ALL'] === '1';
}

/** A missing part while PMR_REQUIRE_ALL=1. */
export class MissingPartError extends Error {
  override readonly name = 'MissingPartError';
}

/**
 * The first missing part among `checks` (each null or undefined when its part is present), or undefined when
 * nothing is missing. The answer is a skip reason, printed once here; with PMR_REQUIRE_ALL=1 it throws a
 * MissingPartError naming the part instead. Call it where the test file is loaded (or inside the test), and pass
 * the answer to `test(…, { skip })` or `t.skip()`.
 */
export function requireParts(...checks: ReadonlyArray<string | null | undefined>): string | undefined {
  const missing = checks.find((c): c is string => c !== null && c !== undefined);
  if (missing === undefined) return undefined;
  if (requireAll()) throw new MissingPartError(`PMR_REQUIRE_ALL=1 and a part is missing: ${missing}`);
  console.log(`# SKIP (part missing): ${missing}`);
  return missing;
}

/** The models folder ($PMR_MODELS_DIR), or undefined when it is not set. */
export function modelsDir(): string | undefined {
  const dir = process.env['PMR_MODELS_DIR'];
  return dir === undefined || dir === '' ? undefined : dir;
}

/** Why the model files `files` cannot be read from $PMR_MODELS_DIR, or null when they are all there. */
export function modelsMissing(...files: readonly string[]): string | null {
  const dir = modelsDir();
  if (dir === undefined) return `PMR_MODELS_DIR is not set (the tests need ${files.join(', ')})`;
  const absent = files.filter((f) => !existsSync(join(dir, f)));
  return absent.length === 0
    ? null
    : `model file missing: ${absent.map((f) => join(dir, f)).join(', ')} (set PMR_MODELS_DIR)`;
}

/** Why the files or folders `paths` (of the shared test data) are not there, or null when they all are. */
export function dataMissing(...paths: readonly string[]): string | null {
  const absent = paths.filter((p) => !existsSync(p));
  return absent.length === 0 ? null : `test data missing: ${absent.join(', ')} (set PMR_DATA_DIR)`;
}
