// Optimal assignment on small dense cost matrices: the shortest-augmenting-path form of the Hungarian method
// (Kuhn–Munkres with row/column potentials, O(n²·m)), plus a gated variant in which leaving a row or a column
// unmatched has a price, so that a pair is only matched when it is cheaper than leaving both ends free.

import { invalidArgument } from '@pmr/common';

/** A dense cost matrix, rows × columns; every row has the same length. */
export type CostMatrix = readonly (readonly number[])[];

/**
 * Minimum-cost assignment of a rectangular matrix: every row is matched when rows ≤ columns, every column
 * when rows > columns. Returns, for each row, its column or -1.
 *
 * Ties are broken deterministically: rows are inserted in order and each takes the cheapest augmenting path,
 * preferring the lowest column index among equals, so an all-equal square matrix yields the identity.
 */
export function solveAssignment(cost: CostMatrix): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : checkedWidth(cost);
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  if (rows <= cols) return solveWide(cost, rows, cols);
  const transposed: number[][] = [];
  for (let j = 0; j < cols; j++) transposed.push(cost.map((row) => at(row, j)));
  const colToRow = solveWide(transposed, cols, rows);
  const rowToCol = new Array<number>(rows).fill(-1);
  colToRow.forEach((r, c) => {
    if (r >= 0) rowToCol[r] = c;
  });
  return rowToCol;
}

/** A matched (row, column) pair. */
export interface Match {
  readonly row: number;
  readonly col: number;
}

/**
 * Minimum-cost partial assignment with a cost limit: a pair (i, j) may be matched only when
 * `cost[i][j] <= maxCost`, and the solution minimises the sum of matched costs plus `maxCost` for every
 * matched pair it does NOT make (half the limit per unmatched row and per unmatched column, as in ByteTrack's
 * use of lapjv's `cost_limit`). So one strong match is preferred over two weak ones whose sum exceeds the
 * strong match plus the limit. Pairs at exactly the limit are matched rather than left out.
 * Returns the matches sorted by row.
 */
export function solveGatedAssignment(cost: CostMatrix, maxCost: number): Match[] {
  if (!Number.isFinite(maxCost) || maxCost < 0)
    throw invalidArgument(`maxCost must be a finite number ≥ 0, got ${maxCost}`);
  const rows = cost.length;
  const cols = rows === 0 ? 0 : checkedWidth(cost);
  if (rows === 0 || cols === 0) return [];
  // Extended square matrix [[C, U], [U', 0]]: U gives every row a private "unmatched" column, U' every column
  // a private "unmatched" row. The tiny extra on the unmatched price makes pairs at exactly the limit win.
  const size = rows + cols;
  const unmatched = (maxCost + maxCost * 1e-9 + 1e-12) / 2;
  const forbidden = maxCost + 1; // dearer than unmatching both ends, so never chosen
  const ext: number[][] = [];
  for (let i = 0; i < size; i++) {
    const line = new Array<number>(size).fill(0);
    for (let j = 0; j < size; j++) {
      if (i < rows && j < cols) {
        const c = at(cost[i] ?? [], j);
        line[j] = c <= maxCost ? c : forbidden;
      } else if (i < rows) {
        line[j] = j - cols === i ? unmatched : forbidden;
      } else if (j < cols) {
        line[j] = i - rows === j ? unmatched : forbidden;
      }
    }
    ext.push(line);
  }
  const assignment = solveWide(ext, size, size);
  const matches: Match[] = [];
  for (let i = 0; i < rows; i++) {
    const j = assignment[i] ?? -1;
    if (j >= 0 && j < cols && at(cost[i] ?? [], j) <= maxCost) matches.push({ row: i, col: j });
  }
  return matches;
}

/** Hungarian method for rows ≤ cols; 1-based potentials u (rows), v (cols) and column owners p, as usual. */
function solveWide(a: CostMatrix, n: number, m: number): number[] {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const owner = new Int32Array(m + 1); // owner[j] = row (1-based) holding column j, 0 = free
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = owner[j0] ?? 0;
      const rowCosts = a[i0 - 1] ?? [];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j] === 1) continue;
        const cur = at(rowCosts, j - 1) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? Infinity)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? Infinity) < delta) {
          delta = minv[j] ?? Infinity;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j] === 1) {
          const r = owner[j] ?? 0;
          u[r] = (u[r] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? 0) - delta;
        }
      }
      j0 = j1;
    } while ((owner[j0] ?? 0) !== 0);
    do {
      const j1 = way[j0] ?? 0;
      owner[j0] = owner[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    const r = owner[j] ?? 0;
    if (r > 0) rowToCol[r - 1] = j - 1;
  }
  return rowToCol;
}

function checkedWidth(cost: CostMatrix): number {
  const width = cost[0]?.length ?? 0;
  for (const row of cost) {
    if (row.length !== width) throw invalidArgument('cost matrix rows must all have the same length');
    for (const c of row) if (!Number.isFinite(c)) throw invalidArgument(`cost matrix entries must be finite, got ${c}`);
  }
  return width;
}

function at(row: readonly number[], j: number): number {
  return row[j] ?? 0;
}
