/**
 * Where a worker finds a plan's transfer potential (solver/plan/transferPotential.ts): in its own
 * memory (the last few workloads and radii), else in the prepared file beside the forecasts
 * (api/storage/preparedPotential.ts, keyed by exactly what the potential reads), else computed and
 * kept in both. The file lets the other workers, a restarted server and `npm run plan` read back
 * what one of them computed. Measured before it (`RUNS=3 REQUESTS=160000 npm run bench:api`,
 * 2026-12-04): a worker that had not computed the potential itself spent 2.4 s and, once, 18.8 s
 * (a fresh worker while another computed the same potential, on 2 cores) before the first default
 * plan could start.
 */
import type { PlanInput } from '../../solver/plan/planInput.ts';
import type { TransferPotential } from '../../solver/plan/transferPotential.ts';
import { keepPotential, preparedPotential } from '../storage/preparedPotential.ts';

export type PotentialOf = (memoryKey: string, input: PlanInput, compute: () => TransferPotential) => TransferPotential;

export const potentialKeeper = (preparedDir: string, keptInMemory = 4): PotentialOf => {
  const memory = new Map<string, TransferPotential>();
  return (memoryKey, input, compute) => {
    const known = memory.get(memoryKey);
    if (known !== undefined) return known;
    const kept = preparedPotential(input, { preparedDir });
    const potential = kept ?? compute();
    if (kept === null) keepPotential(input, potential, { preparedDir });
    memory.set(memoryKey, potential);
    while (memory.size > keptInMemory) memory.delete(memory.keys().next().value as string);
    return potential;
  };
};
