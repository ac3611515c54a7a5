export { manifest, type ModelEntry, type ModelName } from './manifest.ts';
export { resolveModel, defaultCacheDir, sha256File, type ResolveOptions } from './resolve.ts';
