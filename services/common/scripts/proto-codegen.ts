// What is generated from PMR's protos, shared by gen-proto.ts (write it) and check-proto.ts (regenerate and
// compare): the TypeScript types, whose flags come from PMR_PROTO_LOAD_OPTIONS so types and run time cannot
// disagree, and the compiled descriptor set that server reflection serves (src/proto/descriptors.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { DESCRIPTOR_SET_PATH } from '../src/proto/descriptors.ts';
import { listPmrProtoFiles, PMR_PROTO_DIR, PMR_PROTO_LOAD_OPTIONS } from '../src/proto/load.ts';

/** Where the committed generated types live. */
export const GENERATED_DIR: string = fileURLToPath(new URL('../src/proto/generated/', import.meta.url));

/**
 * Flags that only shape the emitted TypeScript, not the objects: grpc-js types, `.ts` import extensions (Node
 * type stripping resolves nothing else) and the .proto comments as JSDoc.
 */
export const OUTPUT_FLAGS: readonly string[] = [
  '--grpcLib=@grpc/grpc-js',
  '--importFileExtension=.ts',
  '--includeComments',
];

/** proto-loader-gen-types flags equal to the given load options; throws on an option it cannot express. */
export function genTypesFlags(options: Readonly<Record<string, unknown>>): string[] {
  const flags: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'boolean' && ['keepCase', 'defaults', 'arrays', 'objects', 'oneofs', 'json'].includes(key)) {
      if (value) flags.push(`--${key}`);
    } else if (key === 'longs' && (value === String || value === Number)) {
      flags.push(`--longs=${value === String ? 'String' : 'Number'}`);
    } else if (key === 'enums' && value === String) {
      flags.push('--enums=String');
    } else {
      throw new Error(
        `proto load option ${key}=${String(value)} has no proto-loader-gen-types flag here; extend genTypesFlags`,
      );
    }
  }
  return flags;
}

/** Write the types for every PMR .proto file under `protoDir` into `outDir` (which should be empty). */
export function generateTypes(outDir: string, protoDir: string = PMR_PROTO_DIR): void {
  const bin = createRequire(import.meta.url).resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');
  const args = [
    bin,
    ...genTypesFlags(PMR_PROTO_LOAD_OPTIONS),
    ...OUTPUT_FLAGS,
    // Run from protoDir with a relative include root, so each file's "Original file:" header is the same
    // relative path on every machine.
    '--includeDirs=.',
    `--outDir=${resolve(outDir)}`,
    ...listPmrProtoFiles(protoDir),
  ];
  execFileSync(process.execPath, args, { cwd: protoDir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The include root of the standard health service's proto (`health/v1/health.proto` under it). */
const HEALTH_PROTO_ROOT = join(dirname(healthProtoPath), '..', '..');

/**
 * Write the FileDescriptorSet that reflection serves into `outDir`, named as the committed one: buf compiles proto/
 * (every file, its imports included, with comments, so `grpcurl describe` shows them) and the health service's
 * proto, and the two sets are concatenated, which protobuf reads as one set with the files of both.
 */
export function generateDescriptorSet(outDir: string, protoDir: string = PMR_PROTO_DIR): void {
  const buf = createRequire(import.meta.url).resolve('@bufbuild/buf/bin/buf');
  const scratch = mkdtempSync(join(tmpdir(), 'pmr-descriptors-'));
  try {
    const sets = [protoDir, HEALTH_PROTO_ROOT].map((input, i) => {
      const out = join(scratch, `${i}.binpb`);
      execFileSync(process.execPath, [buf, 'build', input, '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      return readFileSync(out);
    });
    writeFileSync(join(outDir, basename(DESCRIPTOR_SET_PATH)), Buffer.concat(sets));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Write everything generated from the protos (types and descriptor set) into `outDir` (which should be empty). */
export function generateAll(outDir: string, protoDir: string = PMR_PROTO_DIR): void {
  generateTypes(outDir, protoDir);
  generateDescriptorSet(outDir, protoDir);
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A file that is not the same in two trees. */
export interface TreeDifference {
  readonly file: string;
  readonly kind: 'changed' | 'missing' | 'extra';
}

/**
 * Compare the `actual` tree with the `expected` one: files whose bytes differ, files of `expected` absent
 * from `actual` (missing) and files of `actual` absent from `expected` (extra), sorted by path.
 */
export function diffTrees(expected: string, actual: string): TreeDifference[] {
  const want = listFiles(expected);
  const have = new Set(listFiles(actual));
  const out: TreeDifference[] = [];
  for (const file of want) {
    if (!have.has(file)) out.push({ file, kind: 'missing' });
    else if (!readFileSync(join(expected, file)).equals(readFileSync(join(actual, file))))
      out.push({ file, kind: 'changed' });
    have.delete(file);
  }
  for (const file of have) out.push({ file, kind: 'extra' });
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
