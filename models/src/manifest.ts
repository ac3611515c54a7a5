import { readFileSync } from 'node:fs';

export interface ModelEntry {
  readonly task: string;
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly licence: string;
  readonly url: string;
  readonly input: string;
}

export type ModelName = 'yunet' | 'scrfd' | 'mobilefacenet' | 'expression';

export const manifest: Readonly<Record<ModelName, ModelEntry>> = JSON.parse(
  readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'),
) as Record<ModelName, ModelEntry>;
