// Grouping the unknown faces (track embeddings) of one video into anonymous persons. Pure; no I/O.

import { dot, normalized } from './vectors.ts';

/**
 * Average-linkage agglomerative clustering on cosine similarity. Starting from one cluster per embedding, the two
 * clusters with the highest average pairwise similarity are merged while that average is at least `threshold`
 * (ties: the pair whose members appeared first). Returns one label per input, 0..k-1, numbered in order of each
 * cluster's first member.
 */
export function clusterUnknowns(embeddings: readonly Float32Array[], threshold: number): number[] {
  const n = embeddings.length;
  const units = embeddings.map(normalized);
  // sim[i][j]: average similarity between clusters whose representatives are i and j (i, j alive).
  const sim: Float64Array[] = units.map((a) => Float64Array.from(units, (b) => dot(a, b)));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const parent = Array.from({ length: n }, (_, i) => i);

  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = sim[i]!;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && row[j]! > bs) {
          bs = row[j]!;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi === -1 || bs < threshold) break;
    // Merge bj into bi (bi < bj, so the representative is always the earliest member).
    const na = size[bi]!;
    const nb = size[bj]!;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (na * sim[bi]![k]! + nb * sim[bj]![k]!) / (na + nb);
      sim[bi]![k] = s;
      sim[k]![bi] = s;
    }
    size[bi] = na + nb;
    alive[bj] = false;
    parent[bj] = bi;
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
