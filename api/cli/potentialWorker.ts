/**
 * The plan command's second thread: the transfer potential (solver/plan/transferPotential.ts, about
 * fifteen linear relaxations, ~1.3 s on Hai Phong) of the plan input in `workerData.input`, computed
 * while the main thread solves the plan, so that the command's time outside the solve does not
 * include it (issue 14). It answers one message, `{ ok: true, potential }` or `{ ok: false, message }`,
 * and ends. The figures are those the main thread would compute: the same function on the same input.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHighs } from '../../solver/plan/loadHighs.ts';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import { transferPotential } from '../../solver/plan/transferPotential.ts';

const { input } = workerData as { readonly input: PlanInput };
try {
  const highs = await loadHighs();
  parentPort?.postMessage({ ok: true, potential: transferPotential(highs, input) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
