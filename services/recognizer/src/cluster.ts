// Grouping the unknown faces (track embeddings) of one video into anonymous persons. Pure; no I/O.

import { dot, normalized } from './vectors.ts';

/**
 * Default average-linkage threshold for grouping unknown tracks. Merging two strangers is worse than splitting one, so
 * it keeps a 0.25 margin above the first wrong merge (0.15) when scripts/calibrate.ts clusters the shared identity
 * photos (docs/calibration.md); track embeddings (means of several faces) are tighter than single photos, which
 * favours recall in videos.
 */
export const DEFAULT_CLUSTER_THRESHOLD = 0.4;

/**
 * Average-linkage agglomerative clustering on cosine similarity. Starting from one cluster per embedding, the two
 * clusters with the highest average pairwise similarity are merged while that average is at least `threshold`
 * (ties: the pair whose members appeared first). Returns one label per input, 0..k-1, numbered in order of each
 * cluster's first member. Time about O(n²) with a nearest-neighbour cache (O(n³) worst case), memory O(n²).
 *
 * `cannotLink(i, j)` names pairs that are known to be different people (two tracks on screen at the same time):
 * their similarity is −∞, and average linkage carries it to every cluster holding them, so they never end up together.
 */
export function clusterUnknowns(
  embeddings: readonly Float32Array[],
  threshold: number,
  cannotLink: (i: number, j: number) => boolean = () => false,
): number[] {
  const n = embeddings.length;
  const units = embeddings.map(normalized);
  // sim[i][j] (i < j, both alive): average similarity between the clusters whose first members are i and j.
  const sim: Float64Array[] = units.map((a, i) =>
    Float64Array.from(units, (b, j) => (j > i ? (cannotLink(i, j) ? Number.NEGATIVE_INFINITY : dot(a, b)) : 0)),
  );
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const parent = Array.from({ length: n }, (_, i) => i);
  // For each alive i: the first alive j > i with the highest sim[i][j] (-1 when none).
  const nn = new Array<number>(n).fill(-1);
  const at = (i: number, j: number): number => (i < j ? sim[i]![j]! : sim[j]![i]!);
  const refresh = (i: number): void => {
    let best = -1;
    const row = sim[i]!;
    for (let j = i + 1; j < n; j++) if (alive[j] && (best === -1 || row[j]! > row[best]!)) best = j;
    nn[i] = best;
  };
  for (let i = 0; i < n; i++) refresh(i);

  for (;;) {
    let bi = -1;
    for (let i = 0; i < n; i++) {
      if (alive[i] && nn[i] !== -1 && (bi === -1 || sim[i]![nn[i]!]! > sim[bi]![nn[bi]!]!)) bi = i;
    }
    if (bi === -1) break;
    const bj = nn[bi]!;
    if (sim[bi]![bj]! < threshold) break;
    // Merge bj into bi (bi < bj: a cluster is always named by its first member).
    const na = size[bi]!;
    const nb = size[bj]!;
    alive[bj] = false;
    size[bi] = na + nb;
    parent[bj] = bi;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi) continue;
      const s = (na * at(bi, k) + nb * at(bj, k)) / (na + nb);
      if (k < bi) sim[k]![bi] = s;
      else sim[bi]![k] = s;
    }
    refresh(bi);
    for (let k = 0; k < bi; k++) {
      if (!alive[k]) continue;
      const cur = nn[k]!;
      if (cur === bi || cur === bj) refresh(k);
      else if (cur === -1 || sim[k]![bi]! > sim[k]![cur]! || (sim[k]![bi] === sim[k]![cur] && bi < cur)) nn[k] = bi;
    }
    for (let k = bi + 1; k < bj; k++) if (alive[k] && nn[k] === bj) refresh(k);
  }

  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  const labelOf = new Map<number, number>();
  return units.map((_, i) => {
    const r = root(i);
    let label = labelOf.get(r);
    if (label === undefined) {
      label = labelOf.size;
      labelOf.set(r, label);
    }
    return label;
  });
}
