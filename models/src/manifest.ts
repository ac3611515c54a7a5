import { readFileSync } from 'node:fs';

export interface ModelEntry {
  readonly task: string;
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly licence: string;
  readonly url: string;
  readonly input: string;
  /**
   * Present for models the project builds itself instead of downloading: `url` then names the source, and
   * `sha256`/`size` are those of the built file (deterministic for a given package version and converter).
   */
  readonly build?: { readonly package: string; readonly source: string; readonly outputs: string };
}

export type ModelName = 'yunet' | 'scrfd' | 'mobilefacenet' | 'expression' | 'agegender';

export const manifest: Readonly<Record<ModelName, ModelEntry>> = JSON.parse(
  readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'),
) as Record<ModelName, ModelEntry>;

/** A model's identity where its outputs are kept (e.g. a collection's embeddings): its file's stem and SHA-256 start. */
export function modelId(name: ModelName): string {
  const entry = manifest[name];
  return `${entry.file.replace(/\.onnx$/, '')}@${entry.sha256.slice(0, 12)}`;
}
