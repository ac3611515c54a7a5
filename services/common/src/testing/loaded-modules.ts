// Test helper: what importing a module brings into a fresh Node process, so a test can show that a pure module loads
// nothing native. The child records every module it resolves (module.registerHooks sees import and require alike,
// native addons included) and, where /proc/self/maps exists, every file mapped into it after the import.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface LoadedModules {
  /** Every URL the import resolved, in order (node: builtins included). */
  readonly urls: readonly string[];
  /** The files mapped into the process after the import (empty where /proc/self/maps does not exist). */
  readonly mappedFiles: readonly string[];
}

/** The npm packages that bring native code into a PMR process: onnxruntime, sharp and libvips, FFmpeg (node-av). */
export const NATIVE_PACKAGES: readonly string[] = [
  'onnxruntime-node',
  'onnxruntime-common',
  'sharp',
  '@img',
  'node-av',
  '@seydx',
];

const CHILD = `
import { registerHooks } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
const urls = [];
registerHooks({ resolve: (specifier, context, next) => { const resolved = next(specifier, context); urls.push(resolved.url); return resolved; } });
await import(process.argv[1]);
const maps = existsSync('/proc/self/maps') ? readFileSync('/proc/self/maps', 'utf8') : '';
const mappedFiles = [...new Set(maps.split('\\n').map((line) => line.trim().split(/\\s+/)[5] ?? '').filter((path) => path.startsWith('/')))];
process.stdout.write(JSON.stringify({ urls, mappedFiles }));
`;

/** Import `specifier` in a new Node process started in `cwd` (it resolves from there), and report what it loaded. */
export async function modulesLoadedBy(specifier: string, cwd: string): Promise<LoadedModules> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', CHILD, specifier], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as LoadedModules;
}

const inNativePackage = (path: string): boolean =>
  NATIVE_PACKAGES.some((name) => path.includes(`/node_modules/${name}/`));

const isSharedLibrary = (path: string): boolean => /\.so(\.\d+)*$/.test(path) || path.endsWith('.dylib');

/**
 * The native parts of what was loaded: native addons (.node files), anything from NATIVE_PACKAGES, and the shared
 * libraries mapped from a node_modules folder (those an addon brings). Empty for a module that loads nothing native.
 */
export function nativeParts(loaded: LoadedModules): string[] {
  const urls = loaded.urls.filter((url) => url.endsWith('.node') || inNativePackage(url));
  const mapped = loaded.mappedFiles.filter(
    (path) => path.endsWith('.node') || (path.includes('/node_modules/') && isSharedLibrary(path)),
  );
  return [...new Set([...urls, ...mapped])];
}
