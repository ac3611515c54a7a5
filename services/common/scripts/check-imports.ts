// The import rules `npm test` enforces, over every workspace's TypeScript:
// - no import cycle between files, and none between workspaces;
// - production code (src/ outside src/testing/, bin/; the e2e harness is none) imports neither a testing entry point nor node:test;
// - a workspace's production code imports only the @pmr workspaces its package.json lists as dependencies.
// Prints each breach and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');

interface Workspace {
  readonly name: string;
  readonly dir: string;
  readonly exports: Readonly<Record<string, string>>;
  readonly dependencies: ReadonlySet<string>;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function workspaces(): Workspace[] {
  const patterns = readJson(join(root, 'package.json'))['workspaces'] as string[];
  return patterns.map((pattern) => {
    const dir = join(root, pattern);
    const pkg = readJson(join(dir, 'package.json'));
    return {
      name: pkg['name'] as string,
      dir,
      exports: (pkg['exports'] ?? {}) as Record<string, string>,
      dependencies: new Set(Object.keys(pkg['dependencies'] ?? {})),
    };
  });
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'generated') return [];
    if (statSync(path).isDirectory()) return tsFiles(path);
    return entry.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** The file a workspace's export maps a subpath to (exact keys and one `*` pattern). */
function exportTarget(ws: Workspace, subpath: string): string | undefined {
  const exact = ws.exports[subpath];
  if (exact !== undefined) return join(ws.dir, exact);
  for (const [key, target] of Object.entries(ws.exports)) {
    const star = key.indexOf('*');
    if (star < 0 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
    const middle = subpath.slice(star, subpath.length - (key.length - star - 1));
    return join(ws.dir, target.replace('*', middle));
  }
  return undefined;
}

const all = workspaces();
const byName = new Map(all.map((ws) => [ws.name, ws]));
/** A file's path inside its workspace, or undefined outside every workspace. */
const inWorkspace = (file: string): string | undefined => {
  const ws = all.filter((w) => file.startsWith(w.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
  return ws === undefined ? undefined : relative(ws.dir, file);
};
/** Workspaces that are test harnesses as a whole (their src/ serves tests and benchmarks only). */
const HARNESSES = new Set(['@pmr/e2e']);
const isProduction = (file: string): boolean => {
  if (all.some((w) => HARNESSES.has(w.name) && file.startsWith(w.dir + '/'))) return false;
  const rel = inWorkspace(file) ?? '';
  return (rel.startsWith('src/') && !rel.startsWith('src/testing/')) || rel.startsWith('bin/');
};
const isTestingFile = (file: string): boolean => (inWorkspace(file) ?? '').startsWith('src/testing/');

const problems: string[] = [];
const graph = new Map<string, string[]>();
const packageGraph = new Map<string, Set<string>>(all.map((ws) => [ws.name, new Set()]));

for (const ws of all) {
  for (const file of ['src', 'bin', 'test', 'scripts', 'bench'].flatMap((d) => tsFiles(join(ws.dir, d)))) {
    const edges: string[] = [];
    const production = isProduction(file);
    const where = relative(root, file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (production && spec === 'node:test') problems.push(`${where}: production code imports node:test`);
      let target: string | undefined;
      if (spec.startsWith('.')) target = resolve(dirname(file), spec);
      else if (spec.startsWith('@pmr/')) {
        const [scope, name, ...rest] = spec.split('/');
        const dep = byName.get(`${scope}/${name}`);
        if (dep === undefined) {
          problems.push(`${where}: imports ${spec}, which is no workspace`);
          continue;
        }
        target = exportTarget(dep, rest.length === 0 ? '.' : `./${rest.join('/')}`);
        if (target === undefined) problems.push(`${where}: imports ${spec}, which ${dep.name} does not export`);
        if (production && dep !== ws) {
          if (!ws.dependencies.has(dep.name))
            problems.push(`${where}: imports ${dep.name}, not a dependency of ${ws.name}`);
          packageGraph.get(ws.name)!.add(dep.name);
        }
      }
      if (target === undefined) continue;
      if (production && isTestingFile(target))
        problems.push(`${where}: production code imports ${spec} (testing code)`);
      edges.push(target);
    }
    graph.set(file, edges);
  }
}

/** The cycles of a directed graph (one per strongly connected component with more than one node or a self-loop). */
function cycles<T>(nodes: ReadonlyMap<T, Iterable<T>>): T[][] {
  let counter = 0;
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const found: T[][] = [];
  const visit = (v: T): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of nodes.get(v) ?? []) {
      if (!nodes.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: T[] = [];
    let w: T;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || [...(nodes.get(v) ?? [])].includes(v)) found.push(component);
  };
  for (const v of nodes.keys()) if (!index.has(v)) visit(v);
  return found;
}

for (const cycle of cycles(graph))
  problems.push(`import cycle between files: ${cycle.map((f) => relative(root, f)).join(' ↔ ')}`);
for (const cycle of cycles(packageGraph)) problems.push(`dependency cycle between workspaces: ${cycle.join(' ↔ ')}`);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(
  `imports: ${graph.size} files in ${all.length} workspaces, no cycle, no testing code in production, every @pmr import declared`,
);
