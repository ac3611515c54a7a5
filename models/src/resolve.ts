import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { failedPrecondition } from '@pmr/common';
import { buildAgeGenderModel } from './agegender-build.ts';
import { manifest, type ModelEntry, type ModelName } from './manifest.ts';

export interface ResolveOptions {
  /** Folder holding verified model files (the `PMR_MODELS_DIR` setting). */
  readonly modelsDir?: string | undefined;
  /** Cache for downloaded models; default `~/.cache/pmr/models`. */
  readonly cacheDir?: string | undefined;
  /** Allow downloading from the manifest's upstream URL when the file is not found locally. */
  readonly download?: boolean;
  /** Allow building a project-built model (`agegender`) from its npm package when it is not found (default true). */
  readonly build?: boolean;
  /** Injected for tests; defaults to global fetch. */
  readonly fetchImpl?: typeof fetch;
}

export function defaultCacheDir(): string {
  return join(homedir(), '.cache', 'pmr', 'models');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const verified = new Map<string, string>();

async function verify(path: string, entry: ModelEntry): Promise<void> {
  if (verified.get(path) === entry.sha256) return;
  const actual = await sha256File(path);
  if (actual !== entry.sha256) {
    throw failedPrecondition(
      `model file ${path} is corrupt or the wrong file: sha256 ${actual}, expected ${entry.sha256}. ` +
        `Delete it and fetch ${entry.file} again from ${entry.url}.`,
    );
  }
  verified.set(path, entry.sha256);
}

/**
 * Find a model's ONNX file: `modelsDir/<file>` when a models folder is given, else the download cache,
 * downloading it (and checking its sha256) when allowed. Missing or corrupt files are FAILED_PRECONDITION
 * errors that name the file and say how to get it.
 *
 * Models the project builds itself (manifest entries with `build`, i.e. `agegender`) are taken from `modelsDir`
 * when the file is there, else from the cache, else built from the installed npm package into the cache
 * (see buildAgeGenderModel); a cached build that no longer matches the manifest's sha256 is rebuilt.
 */
export async function resolveModel(name: ModelName, options: ResolveOptions = {}): Promise<string> {
  const entry = manifest[name];
  if (options.modelsDir !== undefined) {
    const path = join(options.modelsDir, entry.file);
    if (existsSync(path)) {
      await verify(path, entry);
      return path;
    }
    if (entry.build === undefined) {
      throw failedPrecondition(
        `model ${name} not found: ${path} does not exist. Put ${entry.file} there (from ${entry.url}) or unset PMR_MODELS_DIR to download it.`,
      );
    }
  }
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const cached = join(cacheDir, entry.file);
  if (entry.build !== undefined) return resolveBuilt(name, entry, cacheDir, cached, options);
  if (existsSync(cached)) {
    await verify(cached, entry);
    return cached;
  }
  if (options.download === false) {
    throw failedPrecondition(
      `model ${name} not found in ${cacheDir}; set PMR_MODELS_DIR to a folder holding ${entry.file}.`,
    );
  }
  await download(entry, cached, options.fetchImpl ?? fetch);
  await verify(cached, entry);
  return cached;
}

async function resolveBuilt(
  name: ModelName,
  entry: ModelEntry,
  cacheDir: string,
  cached: string,
  options: ResolveOptions,
): Promise<string> {
  if (existsSync(cached)) {
    if (verified.get(cached) === entry.sha256 || (await sha256File(cached)) === entry.sha256) {
      verified.set(cached, entry.sha256);
      return cached;
    }
  }
  if (options.build === false) {
    throw failedPrecondition(
      `model ${name} (${entry.file}) is not built in ${cacheDir}; run \`pmr models build\` or set PMR_MODELS_DIR.`,
    );
  }
  const built = await buildAgeGenderModel({ cacheDir });
  verified.set(built.path, entry.sha256);
  return built.path;
}

async function download(entry: ModelEntry, target: string, fetchImpl: typeof fetch): Promise<void> {
  let body: ArrayBuffer;
  try {
    const res = await fetchImpl(entry.url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.arrayBuffer();
  } catch (err) {
    throw failedPrecondition(
      `could not download model ${entry.file} from ${entry.url} (${err instanceof Error ? err.message : String(err)}); ` +
        `set PMR_MODELS_DIR to a folder holding it.`,
      err,
    );
  }
  const digest = createHash('sha256').update(new Uint8Array(body)).digest('hex');
  if (digest !== entry.sha256) {
    throw failedPrecondition(
      `downloaded ${entry.file} has sha256 ${digest}, expected ${entry.sha256}; refusing to use it.`,
    );
  }
  await mkdir(join(target, '..'), { recursive: true });
  const tmp = `${target}.${process.pid}.part`;
  await writeFile(tmp, new Uint8Array(body));
  try {
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
  }
}
