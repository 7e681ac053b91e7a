/**
 * Splitting an integer total into integer parts proportional to weights, each at most its cap
 * (largest-remainder method: floor every share, then hand the leftover units to the largest
 * fractional remainders; ties go to the earlier part, so the result is deterministic).
 */
export const allocate = (total: number, weights: readonly number[], caps?: readonly number[]): number[] => {
  if (!Number.isInteger(total) || total < 0) throw new Error(`allocate: total must be a non-negative integer, got ${total}`);
  const cap = (i: number): number => caps?.[i] ?? Number.POSITIVE_INFINITY;
  const capacity = weights.reduce((sum, w, i) => sum + (w > 0 ? cap(i) : 0), 0);
  if (capacity < total) throw new Error(`allocate: total ${total} exceeds the capacity ${capacity} of the parts with positive weight`);
  const parts = weights.map(() => 0);
  let left = total;
  // Each round shares what is left among the parts that still have room; a part that hits its cap
  // drops out, so at most one round per part.
  for (let round = 0; left > 0 && round <= weights.length; round += 1) {
    const open = weights.map((w, i) => (w > 0 && parts[i] < cap(i) ? w : 0));
    const openWeight = open.reduce((a, b) => a + b, 0);
    if (openWeight === 0) break;
    const exact = open.map((w) => (left * w) / openWeight);
    const given = exact.map((x, i) => Math.min(Math.floor(x), cap(i) - parts[i]));
    given.forEach((g, i) => {
      parts[i] += g;
    });
    left -= given.reduce((a, b) => a + b, 0);
    const order = exact
      .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
      .filter(({ i }) => open[i] > 0 && parts[i] < cap(i))
      .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
    for (const { i } of order) {
      if (left === 0) break;
      parts[i] += 1;
      left -= 1;
    }
  }
  if (left !== 0) throw new Error(`allocate: could not place ${left} of ${total}`);
  return parts;
};
