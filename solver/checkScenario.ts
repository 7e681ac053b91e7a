/**
 * The one check of a scenario against the dataset it will be planned on: validateScenario's
 * ranges, then what depends on the dataset. Every path that saves or solves a scenario (the API's
 * scenario create, update and copy, plan solves of saved or inline levers, trade-off curves) runs
 * it before anything is stored, so a scenario either fits the dataset or is refused naming the lever.
 *
 * Dataset-tied rules:
 * - `period`: a month the planner can staff, from the history's first month to FORECAST_HORIZON
 *   months after its last (the forecasts reach no further), within the working-day calendar's
 *   years (solver/calendar.ts). A period left out is its default and checked the same way.
 * - `horizon`: its last month (period + horizon - 1) a month the planner can staff too.
 * - `maxTransfers` (when given) and each `hiresAllowedByField` entry: at most the dataset's civil
 *   servants (more transfers than people is a typo; more hires in one field than the whole staff is
 *   not a plan a city means).
 * - keys of the per-field and per-center levers and `lockedStaffIds`: codes and ids the dataset has.
 *   Sets, not plain objects: `constructor` or `__proto__` is no code unless the dataset has it.
 * Pure.
 */
import { CALENDAR_YEARS } from './calendar.ts';
import type { CenterCode, Dataset, FieldId, Month } from './domain.ts';
import { addMonths, monthNumber, monthText } from './forecast/months.ts';
import { DEFAULT_SCENARIO, validateScenario, type Scenario, type ScenarioProblem, type ScenarioResult } from './scenario.ts';

/** What the check needs of a dataset (built once per dataset by scenarioFacts). */
export interface ScenarioFacts {
  readonly staffIds: ReadonlySet<string>;
  readonly fieldIds: ReadonlySet<FieldId>;
  readonly centerCodes: ReadonlySet<CenterCode>;
  /** First and last month a plan can be made for; `first` > `last` when there is none. */
  readonly firstMonth: Month;
  readonly lastMonth: Month;
  /** Months forecast after the history's last month (the server's FORECAST_HORIZON). */
  readonly horizon: number;
}

/** The facts of `dataset` when forecasts reach `horizon` months past its history. */
export const scenarioFacts = (dataset: Dataset, horizon: number): ScenarioFacts => {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of dataset.history) {
    const k = monthNumber(row.month);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  const calendarFirst = CALENDAR_YEARS[0] * 12;
  const calendarLast = CALENDAR_YEARS[1] * 12 + 11;
  const from = Number.isFinite(first) ? Math.max(first, calendarFirst) : calendarFirst;
  const to = Number.isFinite(last) ? Math.min(last + horizon, calendarLast) : calendarFirst - 1;
  return {
    staffIds: new Set(dataset.staff.map((s) => s.staffId)),
    fieldIds: new Set(dataset.fields.map((f) => f.field)),
    centerCodes: new Set(dataset.centers.map((c) => c.code)),
    firstMonth: monthText(from),
    lastMonth: monthText(to),
    horizon,
  };
};

type Kind = 'staff' | 'field' | 'center';
const WHAT: Readonly<Record<Kind, string>> = { staff: 'staff ids', field: 'field codes', center: 'center codes' };

const periodProblem = (given: unknown, scenario: Scenario, facts: ScenarioFacts): ScenarioProblem | null => {
  const k = monthNumber(scenario.period);
  if (k >= monthNumber(facts.firstMonth) && k <= monthNumber(facts.lastMonth)) return null;
  const defaulted = given === undefined;
  const range = `must be a month from ${facts.firstMonth} to ${facts.lastMonth} (the history and the ${facts.horizon} months forecast after it, within the calendar's ${CALENDAR_YEARS[0]}-${CALENDAR_YEARS[1]})`;
  return {
    field: 'period',
    value: scenario.period,
    code: 'scenario.period_unplannable',
    params: {
      first: facts.firstMonth,
      last: facts.lastMonth,
      horizon: facts.horizon,
      calendarFrom: CALENDAR_YEARS[0],
      calendarTo: CALENDAR_YEARS[1],
      ...(defaulted ? { defaultPeriod: DEFAULT_SCENARIO.period } : {}),
    },
    message: defaulted ? `${range}; left out, it is the default ${DEFAULT_SCENARIO.period}` : range,
  };
};

/** The horizon's last month past what can be planned (the period itself being plannable). */
const horizonProblem = (scenario: Scenario, facts: ScenarioFacts): ScenarioProblem | null => {
  const last = addMonths(scenario.period, scenario.horizon - 1);
  if (monthNumber(last) <= monthNumber(facts.lastMonth)) return null;
  const most = monthNumber(facts.lastMonth) - monthNumber(scenario.period) + 1;
  return {
    field: 'horizon',
    value: scenario.horizon,
    code: 'scenario.horizon_past_forecast',
    params: { last, lastMonth: facts.lastMonth, most, from: scenario.period },
    message: `reaches ${last}, past the last month that can be planned, ${facts.lastMonth} (the forecast's end): at most ${most} from ${scenario.period}`,
  };
};

const atMostStaff = (field: string, value: number, staff: number): ScenarioProblem | null =>
  value <= staff
    ? null
    : { field, value, code: 'scenario.above_staff', params: { max: staff }, message: `must be at most ${staff}, the civil servants in the active dataset` };

const unknownNames = (field: string, kind: Kind, names: readonly string[], known: ReadonlySet<string>): ScenarioProblem | null => {
  const values = [...new Set(names.filter((n) => !known.has(n)))];
  if (values.length === 0) return null;
  return {
    field,
    value: values,
    code: 'scenario.unknown_names',
    params: { kind, values: values.join(', ') },
    message: `names ${WHAT[kind]} not in the active dataset: ${values.join(', ')}`,
  };
};

/**
 * Checks `json` as a scenario for the dataset of `facts`: validateScenario's problems if any, else
 * every dataset-tied problem, in lever order. On success, the scenario with its defaults.
 */
export const checkScenario = (json: unknown, facts: ScenarioFacts): ScenarioResult => {
  const valid = validateScenario(json);
  if (!valid.ok) return valid;
  const s = valid.scenario;
  const given = json as Readonly<Record<string, unknown>>;
  const staff = facts.staffIds.size;
  const period = periodProblem(Object.hasOwn(given, 'period') ? given['period'] : undefined, s, facts);
  const problems = [
    period,
    period === null ? horizonProblem(s, facts) : null,
    // The default budget (30) may exceed a small dataset's civil servants: it then limits nothing.
    s.maxTransfers === null || !Object.hasOwn(given, 'maxTransfers') ? null : atMostStaff('maxTransfers', s.maxTransfers, staff),
    ...Object.entries(s.hiresAllowedByField).map(([field, n]) => atMostStaff(`hiresAllowedByField.${field}`, n, staff)),
    unknownNames('lockedStaffIds', 'staff', s.lockedStaffIds, facts.staffIds),
    unknownNames('demandMultiplierByField', 'field', Object.keys(s.demandMultiplierByField), facts.fieldIds),
    unknownNames('normMultiplierByField', 'field', Object.keys(s.normMultiplierByField), facts.fieldIds),
    unknownNames('hiresAllowedByField', 'field', Object.keys(s.hiresAllowedByField), facts.fieldIds),
    unknownNames('demandMultiplierByCenter', 'center', Object.keys(s.demandMultiplierByCenter), facts.centerCodes),
    unknownNames('minStaffByCenter', 'center', Object.keys(s.minStaffByCenter), facts.centerCodes),
  ].filter((p): p is ScenarioProblem => p !== null);
  return problems.length > 0 ? { ok: false, problems } : valid;
};
