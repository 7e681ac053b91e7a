/**
 * Instant estimate for one center while levers move, before the city-wide solve: the center's
 * dossiers in the period (the workload route's figures with no levers) are scaled by the demand
 * multipliers, shifted between channels, turned into hours with the (changed) norms and the 10%
 * unlisted-request allowance, and covered by the center's own staff with the workload module's
 * small LP (coverFields, javascript-lp-solver). No transfers or hires: it shows what the levers do
 * to the center as it stands, which is what the full plan then has to fix.
 */
import type { CivilServant, Field } from '../../solver/domain.ts';
import { ownValue } from '../../solver/ownValue.ts';
import { coverFields } from '../../solver/workload/coverFields.ts';
import { dossierHours, withUnlistedAllowance } from '../../solver/workload/dossierHours.ts';
import { shiftOnline } from '../../solver/workload/periodDemand.ts';
import type { CenterFieldWorkload } from '../../solver/workload/workloadTypes.ts';
import type { ScenarioLevers } from './scenario.ts';

export interface FieldEstimate {
  readonly field: string;
  readonly requiredHours: number;
  readonly uncoveredHours: number;
}

export interface CenterEstimate {
  readonly requiredHours: number;
  readonly availableHours: number;
  /** requiredHours / availableHours; null without staff. */
  readonly utilization: number | null;
  readonly uncoveredHours: number;
  readonly fields: readonly FieldEstimate[];
}

type DemandLevers = Pick<ScenarioLevers, 'demandMultiplierByField' | 'demandMultiplierByCenter' | 'onlineShareShift' | 'normMultiplierByField'>;

/** The estimate for `centerCode` under `levers`; `baseline` are its field rows from the workload route. */
export const estimateCenter = (
  centerCode: string,
  baseline: readonly CenterFieldWorkload[],
  fields: readonly Field[],
  staff: readonly CivilServant[],
  hoursPerFte: number,
  levers: DemandLevers,
): CenterEstimate => {
  const byId = new Map(fields.map((f) => [f.field, f]));
  const centerFactor = ownValue(levers.demandMultiplierByCenter, centerCode) ?? 1;
  const rows = baseline
    .filter((b) => b.centerCode === centerCode && byId.has(b.field))
    .map((b) => {
      const field = byId.get(b.field) as Field;
      const m = (ownValue(levers.demandMultiplierByField, b.field) ?? 1) * centerFactor;
      const shifted = shiftOnline(b.direct * m, b.online * m, levers.onlineShareShift);
      const hours = withUnlistedAllowance(dossierHours(field, shifted.direct, shifted.online, ownValue(levers.normMultiplierByField, b.field) ?? 1));
      return { field, requiredHours: hours };
    });
  const people = staff.filter((p) => p.centerCode === centerCode).map((p) => ({ hours: p.fte * hoursPerFte, fields: p.fields }));
  const cover = coverFields(
    people,
    rows.map((r) => ({ field: r.field.field, requiredHours: r.requiredHours, priority: r.field.priority })),
  );
  const requiredHours = rows.reduce((s, r) => s + r.requiredHours, 0);
  const availableHours = people.reduce((s, p) => s + p.hours, 0);
  const uncoveredHours = cover.reduce((s, c) => s + c.uncoveredHours, 0);
  return {
    requiredHours,
    availableHours,
    utilization: availableHours > 0 ? requiredHours / availableHours : null,
    uncoveredHours,
    fields: cover.map((c, i) => ({ field: c.field, requiredHours: rows[i]?.requiredHours ?? 0, uncoveredHours: c.uncoveredHours })),
  };
};
