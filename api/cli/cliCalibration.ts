/**
 * The calibration of a dataset's norms for the command line: calibrateNorms with HiGHS loaded
 * once, as the server's workers make it (about a second on the embedded city).
 */
import type { Dataset } from '../../solver/domain.ts';
import type { NormCalibration } from '../../solver/workload/calibrationTypes.ts';

export const calibrateWithHighs = async (dataset: Dataset): Promise<NormCalibration> => {
  const { loadHighs } = await import('../../solver/plan/loadHighs.ts');
  const { calibrateNorms } = await import('../../solver/workload/calibrateNorms.ts');
  return calibrateNorms(await loadHighs(), dataset);
};
