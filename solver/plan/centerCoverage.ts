/**
 * The best hours a group of people can cover at one center: a max-flow from people (capacity =
 * their available hours) through their expertise to fields (capacity = required hours), filled in
 * decreasing field priority. Because the covered-hours vectors of a flow network form a polymatroid,
 * filling the highest priority first maximises the priority-weighted covered hours exactly (greedy is
 * optimal on polymatroids). Used by the greedy heuristic to price moves in microseconds.
 */

export interface CoveragePerson {
  /** Available hours. */
  readonly capacity: number;
  /** Field positions the person may work in. */
  readonly fields: readonly number[];
}

const EPS = 1e-9;

/**
 * Working arrays, grown as needed and reused by every call: the greedy start and the explanation
 * price tens of thousands of groups, and allocating seven arrays per call cost as much as the
 * search itself (and its garbage collection). Nothing survives a call: each one clears what it uses.
 */
let scratch = { m: 0, nF: 0, flow: new Float64Array(0), used: new Float64Array(0), into: new Float64Array(0), parent: new Int32Array(0), seen: new Uint8Array(0), queue: new Int32Array(0), levels: new Float64Array(0) };
const workArrays = (m: number, nF: number): typeof scratch => {
  if (m <= scratch.m && nF <= scratch.nF) return scratch;
  const M = Math.max(m, scratch.m, 16);
  const F = Math.max(nF, scratch.nF, 16);
  scratch = { m: M, nF: F, flow: new Float64Array(M * F), used: new Float64Array(M), into: new Float64Array(F), parent: new Int32Array(M + F), seen: new Uint8Array(M + F), queue: new Int32Array(M + F), levels: new Float64Array(F) };
  return scratch;
};

/**
 * Priority-weighted covered hours: sum_f priority[f] * covered[f]; fills `covered` (hours per field)
 * and `hours` (person i's hours in field f at i * fields + f) when given.
 * O(augmentations x people x fields); a 15-person center with 13 fields takes a few microseconds.
 * Deterministic: the same people in the same order give the same split, to the last bit.
 */
export const centerCoverage = (
  required: readonly number[],
  priority: readonly number[],
  people: readonly CoveragePerson[],
  covered?: Float64Array,
  hours?: Float64Array,
): number => {
  const nF = required.length;
  const m = people.length;
  covered?.fill(0);
  hours?.fill(0);
  if (m === 0) return 0;
  const { flow, used, into, parent, seen, queue, levels } = workArrays(m, nF);
  flow.fill(0, 0, m * nF);
  used.fill(0, 0, m);
  into.fill(0, 0, nF);
  // Distinct priorities of the fields with required hours, highest first.
  let nLevels = 0;
  for (let f = 0; f < nF; f += 1) {
    if (!((required[f] ?? 0) > EPS)) continue;
    const p = priority[f] ?? 1;
    if (p < 0) continue;
    let known = false;
    for (let k = 0; k < nLevels; k += 1) if (levels[k] === p) known = true;
    if (!known) levels[nLevels++] = p;
  }
  levels.subarray(0, nLevels).sort().reverse();
  for (let k = 0; k < nLevels; k += 1) {
    const level = levels[k] ?? 0;
    for (;;) {
      seen.fill(0, 0, m + nF);
      let head = 0;
      let tail = 0;
      for (let i = 0; i < m; i += 1) {
        if ((people[i]?.capacity ?? 0) - (used[i] ?? 0) > EPS) {
          seen[i] = 1;
          parent[i] = -1;
          queue[tail++] = i;
        }
      }
      let sink = -1;
      while (head < tail && sink < 0) {
        const node = queue[head++] ?? 0;
        if (node < m) {
          for (const f of people[node]?.fields ?? []) {
            const v = m + f;
            if (seen[v] || !((required[f] ?? 0) > EPS)) continue;
            seen[v] = 1;
            parent[v] = node;
            if ((priority[f] ?? 1) === level && (required[f] ?? 0) - (into[f] ?? 0) > EPS) {
              sink = f;
              break;
            }
            queue[tail++] = v;
          }
        } else {
          const f = node - m;
          for (let j = 0; j < m; j += 1) {
            if (seen[j] || !((flow[j * nF + f] ?? 0) > EPS)) continue;
            seen[j] = 1;
            parent[j] = node;
            queue[tail++] = j;
          }
        }
      }
      if (sink < 0) break;
      let amount = (required[sink] ?? 0) - (into[sink] ?? 0);
      let v = m + sink;
      for (;;) {
        const i = parent[v] ?? -1;
        if (v >= m) {
          // field v reached from person i by a forward edge
          const p = i;
          if (parent[p] === -1) {
            amount = Math.min(amount, (people[p]?.capacity ?? 0) - (used[p] ?? 0));
            break;
          }
          v = p;
        } else {
          // person v reached from field (i - m) by a backward edge
          amount = Math.min(amount, flow[v * nF + (i - m)] ?? 0);
          v = i;
        }
      }
      v = m + sink;
      into[sink] = (into[sink] ?? 0) + amount;
      for (;;) {
        const i = parent[v] ?? -1;
        if (v >= m) {
          const p = i;
          flow[p * nF + (v - m)] = (flow[p * nF + (v - m)] ?? 0) + amount;
          if (parent[p] === -1) {
            used[p] = (used[p] ?? 0) + amount;
            break;
          }
          v = p;
        } else {
          flow[v * nF + (i - m)] = (flow[v * nF + (i - m)] ?? 0) - amount;
          v = i;
        }
      }
    }
  }
  let value = 0;
  for (let f = 0; f < nF; f += 1) value += (priority[f] ?? 1) * (into[f] ?? 0);
  covered?.set(into.subarray(0, nF));
  if (hours !== undefined) {
    // Undo the signed bookkeeping of backward edges: what remains on each edge is a real split.
    for (let i = 0; i < m; i += 1) for (let f = 0; f < nF; f += 1) hours[i * nF + f] = Math.max(0, flow[i * nF + f] ?? 0);
  }
  return value;
};
