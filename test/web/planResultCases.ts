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
