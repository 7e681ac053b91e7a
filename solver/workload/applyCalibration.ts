/**
 * The norms a workload computes with when a planner chooses the calibrated ones: each field's
 * minutes replaced by its calibrated counter, online and processing minutes, and each center's
 * capacity factor (the share of its work its listed staff carry is 1 / factor: the rest is done by
 * people not on the list, in proportion to the work). Centers the calibration did not see keep 1.
 */
import type { CenterCode, Dataset, Field } from '../domain.ts';
import type { NormCalibration } from './calibrationTypes.ts';

export interface AppliedNorms {
  readonly fields: readonly Field[];
  readonly capacityFactorByCenter: ReadonlyMap<CenterCode, number>;
}

export const applyCalibration = (dataset: Dataset, calibration: Extract<NormCalibration, { ok: true }>): AppliedNorms => {
  const byField = new Map(calibration.fields.map((f) => [f.field, f.calibrated]));
  const fields = dataset.fields.map((f): Field => {
    const c = byField.get(f.field);
    return c === undefined ? f : { ...f, minDirect: c.counter, minOnline: c.online, minProcessing: c.processing };
  });
  return { fields, capacityFactorByCenter: new Map(calibration.centers.map((c) => [c.centerCode, c.capacityFactor])) };
};
