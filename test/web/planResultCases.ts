/**
 * Real plan results for the web's component tests: the named small cities of test/cases/web/ are
 * solved by the solver (HiGHS, solvePlan) and turned into the PlanResult v2 the server sends
 * (buildPlanResult, with the transfer potential), so a screen is tested on the object the API
 * answers, never on a hand-made imitation of it. A case may name a `base` case and override its
 * rules or multiply a field's demand (a wave: `baselineRequiredHours` is then the base's total).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Highs } from 'highs';
import type { Center, CivilServant, Field } from '../../solver/domain.ts';
import { buildPlanResult } from '../../solver/plan/buildPlanResult.ts';
import { loadHighs } from '../../solver/plan/loadHighs.ts';
import { DEFAULT_RULES, type PlanInput } from '../../solver/plan/planInput.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { solvePlan } from '../../solver/plan/solvePlan.ts';
import { transferPotential } from '../../solver/plan/transferPotential.ts';
import { DEFAULT_SCENARIO, type Scenario } from '../../solver/scenario.ts';
import { namesOf } from '../../solver/words.ts';

interface CaseFile {
  readonly description: string;
  readonly base?: string;
  readonly hoursPerFte: number;
  readonly centers: readonly (Pick<Center, 'code' | 'nameVi' | 'formerDistrict' | 'lat' | 'lon' | 'maxStaff'>)[];
  readonly fields: readonly Pick<Field, 'field' | 'nameVi' | 'nameEn' | 'priority'>[];
  readonly staff: readonly (Pick<CivilServant, 'staffId' | 'name' | 'centerCode' | 'homeCode' | 'fields'> & { readonly locked?: boolean })[];
  readonly requiredHours: PlanInput['requiredHours'];
  readonly rules: Partial<PlanInput['rules']>;
  readonly demandMultiplierByField?: Readonly<Record<string, number>>;
}

export type CaseName = 'city-moves' | 'city-infeasible' | 'city-wave';

const DIR = join(import.meta.dirname, '..', 'cases', 'web');

const read = (name: string): CaseFile => {
  const own = JSON.parse(readFileSync(join(DIR, name.endsWith('.json') ? name : `${name}.json`), 'utf8')) as CaseFile;
  return own.base === undefined ? own : { ...read(own.base), ...own };
};

/** The case's centers, fields and staff as the API's /api/centers, /api/fields and /api/staff send them. */
export const caseTables = (name: CaseName): { centers: Center[]; fields: Field[]; staff: CivilServant[] } => {
  const c = read(name);
  return {
    centers: c.centers.map((x) => ({ ...x, nameAscii: x.nameVi, type: 'ward', areaKm2: 10, population: 30_000, desks: 3, areaAdequate: true, meetingRooms: 1 })),
    fields: c.fields.map((f) => ({ ...f, timeLimitDays: 10, minDirect: 20, minOnline: 10, minProcessing: 60 })),
    staff: c.staff.map((s) => ({ ...s, grade: 'chuyen_vien', fte: 1, locked: s.locked ?? false })),
  };
};

let highs: Promise<Highs> | undefined;
const results = new Map<CaseName, PlanResult>();

/** The plan result of a named case, solved once per test file. */
export const planResultOf = async (name: CaseName): Promise<PlanResult> => {
  const kept = results.get(name);
  if (kept) return kept;
  const c = read(name);
  const tables = caseTables(name);
  const wave = c.demandMultiplierByField ?? {};
  const requiredHours = c.requiredHours.map((r) => ({ ...r, hours: r.hours * (wave[r.field] ?? 1) }));
  const input: PlanInput = { ...tables, requiredHours, hoursPerFte: c.hoursPerFte, rules: { ...DEFAULT_RULES, ...c.rules } };
  const scenario: Scenario = { ...DEFAULT_SCENARIO, ...c.rules, demandMultiplierByField: wave };
  highs ??= loadHighs();
  const solver = await highs;
  const plan = solvePlan(solver, input, { candidatesPerPerson: Infinity });
  const result = buildPlanResult({
    input,
    plan,
    scenario,
    demandSource: 'forecast',
    names: namesOf(input),
    baselineRequiredHours: Object.keys(wave).length === 0 ? null : c.requiredHours.reduce((s, r) => s + r.hours, 0),
    potential: plan.objective === null ? null : transferPotential(solver, input),
  });
  results.set(name, result);
  return result;
};

/** Demand of each month of the year case against the case's own: a quiet month, a wave, the case's (a factor per center, in the case's order). */
const YEAR_MONTH_FACTORS = [[0.8, 1, 1], [1.6, 0.7, 1.2], [1, 1, 1]] as const;
/** P50 and P95 of the year case's demand against its P80 (the quantile planned for). */
const YEAR_QUANTILES = [[0.5, 0.85], [0.8, 1], [0.95, 1.2]] as const;

let yearResult: PlanResult | undefined;

/**
 * A plan over three months on the city-moves case (from 2026-11: a quiet month, a wave at Phù Liễn,
 * the case's own month), solved by solveHorizon with secondments, hires and training allowed, as
 * the server's worker makes its plan result (the first month as the plan, planSchedule's schedule).
 * moveHours is off: at its default (140 h a move, a secondment two) this small case makes no
 * secondment, and the screens' tests need one of each measure.
 */
export const yearPlanResultOf = async (): Promise<PlanResult> => {
  if (yearResult) return yearResult;
  const { solveHorizon } = await import('../../solver/horizon/solveHorizon.ts');
  const { firstMonthPlan, planSchedule } = await import('../../solver/horizon/planSchedule.ts');
  const { monthInput } = await import('../../solver/horizon/horizonInput.ts');
  const { YEAR_HORIZON_RULES } = await import('../../solver/horizon/horizonRules.ts');
  const c = read('city-moves');
  const tables = caseTables('city-moves');
  const order = new Map(c.centers.map((x, i) => [x.code, i]));
  const monthsAt = (scale: number) => YEAR_MONTH_FACTORS.map((factors, t) => ({
    month: ['2026-11', '2026-12', '2027-01'][t] ?? '',
    requiredHours: c.requiredHours.map((r) => ({ ...r, hours: r.hours * scale * (factors[order.get(r.centerCode) ?? 0] ?? 1) })),
    hoursPerFte: t === 2 ? 112 : c.hoursPerFte,
  }));
  const rules = { ...DEFAULT_RULES, ...c.rules, hiresAllowedByField: { land: 1 } };
  const h = {
    ...tables,
    months: monthsAt(1),
    rules,
    horizon: { ...YEAR_HORIZON_RULES, secondmentMonths: 4, secondmentMinMonths: 1, secondmentMaxMonths: 2, hireLeadMonths: 1, trainingBudget: 1, maxLeavingShare: null, overloadMarginHours: null, moveHours: null },
  };
  highs ??= loadHighs();
  const solver = await highs;
  const demandAt = YEAR_QUANTILES.map(([quantile, scale]) => ({ quantile, months: monthsAt(scale) }));
  const year = solveHorizon(solver, h, { timeLimitSeconds: 20, demandAt });
  const input = monthInput(h, 0);
  yearResult = buildPlanResult({
    input,
    plan: firstMonthPlan(year),
    scenario: { ...DEFAULT_SCENARIO, ...c.rules, period: '2026-11', horizon: 3 },
    demandSource: 'forecast',
    names: namesOf(input),
    baselineRequiredHours: null,
    potential: transferPotential(solver, input),
    schedule: planSchedule(h, year, demandAt, namesOf(input)),
  });
  return yearResult;
};
