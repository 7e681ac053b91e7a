/**
 * The plan's change at every center, split exactly among the causes: each person who leaves, each
 * person who arrives, each field's hires. One accounting from which every figure of a move's reason
 * comes, so that no two surfaces (or two sentences) can disagree, and so that the parts add up:
 * at each center and in each field, the changes of its steps sum to covered-after minus
 * covered-before, exactly (a telescoping sum of the same allocation, allocateHours.ts).
 *
 * Before = today's staff where they work today, no hire. After = the plan. In between, a center goes
 * through its steps in a fixed order: first the people who leave (in staff-list order), then those
 * who arrive (in staff-list order), then the hires of each field; a step's change is the center's
 * covered hours per field with that step minus without it, given the steps before it. So a step's
 * part is what that person or hire adds (or takes) once the earlier steps have happened: the first
 * of four land officers sent to an overloaded ward is credited with the shortfall it covers, and the
 * fourth with what is left to cover after the first three.
 */
import { centerAllocation, type HireGroup } from './allocateHours.ts';
import type { Hire } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import type { PlanIndex } from './planIndex.ts';

/** What a step of a center's ledger is. */
export type LedgerCause =
  | { readonly kind: 'departure'; readonly staffId: string }
  | { readonly kind: 'arrival'; readonly staffId: string }
  | { readonly kind: 'hire'; readonly field: string; readonly count: number };

/** One field's figures in a step: covered hours change, and the shortfall before and after the step. */
export interface StepField {
  readonly field: string;
  /** Covered hours with the step minus without it: > 0 the center covers more, < 0 less. */
  readonly change: number;
  readonly shortfallBefore: number;
  readonly shortfallAfter: number;
}

export interface LedgerStep {
  readonly cause: LedgerCause;
  /** Fields whose covered hours the step changes by more than 1e-9 h, in field order. */
  readonly fields: readonly StepField[];
  /** Sum of the fields' changes: the step's part of the center's change in covered hours. */
  readonly change: number;
  /** The person's (arrival) or the hires' hours in each field in the step's allocation; empty for a departure. */
  readonly ownHours: Readonly<Record<string, number>>;
}

export interface CenterSide {
  /** People (and, after, hires) at the center. */
  readonly staff: number;
  /** Their hours in the period (FTE x hours per FTE). */
  readonly availableHours: number;
  /** Covered hours per field (every field the center needs or covers). */
  readonly covered: Readonly<Record<string, number>>;
  readonly uncoveredHours: number;
  /** Required over available hours; null when nobody works there. */
  readonly utilization: number | null;
}

export interface CenterLedger {
  readonly centerCode: string;
  readonly requiredHours: number;
  readonly required: Readonly<Record<string, number>>;
  readonly before: CenterSide;
  readonly after: CenterSide;
  /** Departures, then arrivals, then hires; their changes add up to after.covered - before.covered per field. */
  readonly steps: readonly LedgerStep[];
}

/** Changes smaller than this are floating-point noise of the allocation, not a part. */
const CHANGE_EPS = 1e-9;

/**
 * The ledger of every center for people at `after` (center position per person; today's positions
 * are index.current) and the plan's `hires`.
 */
export const planLedger = (input: PlanInput, index: PlanIndex, after: readonly number[], hires: readonly Hire[] = []): CenterLedger[] => {
  const nC = index.centerCodes.length;
  const nF = index.fieldIds.length;
  const H = input.hoursPerFte;
  const today: number[][] = Array.from({ length: nC }, () => []);
  const planned: number[][] = Array.from({ length: nC }, () => []);
  index.current.forEach((c, p) => today[c]?.push(p));
  after.forEach((c, p) => planned[c]?.push(p));
  const hiresAt: HireGroup[][] = Array.from({ length: nC }, () => []);
  for (const h of hires) {
    const c = index.centerOf.get(h.centerCode);
    const f = index.fieldOf.get(h.field);
    if (c !== undefined && f !== undefined && h.count > 0) hiresAt[c]?.push({ field: f, count: h.count });
  }
  const fte = (people: readonly number[]): number => people.reduce((s, p) => s + (input.staff[p]?.fte ?? 0), 0);
  return index.centerCodes.map((code, c) => {
    const required = index.required[c] ?? [];
    const requiredHours = index.requiredByCenter[c] ?? 0;
    const leavers = (today[c] ?? []).filter((p) => after[p] !== c);
    const arrivals = (planned[c] ?? []).filter((p) => index.current[p] !== c);
    const groups = [...(hiresAt[c] ?? [])].sort((a, b) => a.field - b.field);
    const record = (covered: ArrayLike<number>): Record<string, number> => {
      const out: Record<string, number> = {};
      for (let f = 0; f < nF; f += 1) if ((required[f] ?? 0) > 0 || (covered[f] ?? 0) > CHANGE_EPS) out[index.fieldIds[f] as string] = covered[f] ?? 0;
      return out;
    };
    const side = (covered: ArrayLike<number>, staff: number, available: number): CenterSide => {
      let uncovered = 0;
      for (let f = 0; f < nF; f += 1) uncovered += Math.max(0, (required[f] ?? 0) - (covered[f] ?? 0));
      return { staff, availableHours: available, covered: record(covered), uncoveredHours: uncovered, utilization: available > 0 ? requiredHours / available : null };
    };
    // The steps, each from the allocation of the group after the previous step.
    let members = [...(today[c] ?? [])];
    let hired: HireGroup[] = [];
    let current = centerAllocation(input, index, c, members, hired).covered;
    const before = side(current, members.length, fte(members) * H);
    const steps: LedgerStep[] = [];
    const step = (cause: LedgerCause, next: readonly number[], nextHires: readonly HireGroup[], own: (split: ReturnType<typeof centerAllocation>) => Record<string, number>): void => {
      const split = centerAllocation(input, index, c, next, nextHires);
      const fields: StepField[] = [];
      let change = 0;
      for (let f = 0; f < nF; f += 1) {
        const d = (split.covered[f] ?? 0) - (current[f] ?? 0);
        if (Math.abs(d) <= CHANGE_EPS) continue;
        change += d;
        fields.push({
          field: index.fieldIds[f] as string,
          change: d,
          shortfallBefore: Math.max(0, (required[f] ?? 0) - (current[f] ?? 0)),
          shortfallAfter: Math.max(0, (required[f] ?? 0) - (split.covered[f] ?? 0)),
        });
      }
      steps.push({ cause, fields, change, ownHours: own(split) });
      members = [...next];
      hired = [...nextHires];
      current = split.covered;
    };
    const hoursOfRow = (split: ReturnType<typeof centerAllocation>, row: number): Record<string, number> => {
      const out: Record<string, number> = {};
      for (let f = 0; f < nF; f += 1) {
        const h = split.memberHours[row * nF + f] ?? 0;
        if (h > CHANGE_EPS) out[index.fieldIds[f] as string] = h;
      }
      return out;
    };
    for (const p of leavers) step({ kind: 'departure', staffId: input.staff[p]?.staffId ?? '' }, members.filter((q) => q !== p), hired, () => ({}));
    for (const p of arrivals) {
      const next = [...members, p];
      step({ kind: 'arrival', staffId: input.staff[p]?.staffId ?? '' }, next, hired, (split) => hoursOfRow(split, next.length - 1));
    }
    for (const g of groups) {
      step({ kind: 'hire', field: index.fieldIds[g.field] as string, count: g.count }, members, [...hired, g], (split) => {
        const hours = split.hireHours[split.hireHours.length - 1] ?? 0;
        return hours > CHANGE_EPS ? { [index.fieldIds[g.field] as string]: hours } : {};
      });
    }
    const hireCount = groups.reduce((s, g) => s + g.count, 0);
    const afterSide = side(current, members.length + hireCount, (fte(members) + hireCount) * H);
    return { centerCode: code, requiredHours, required: record(required), before, after: afterSide, steps };
  });
};
