/**
 * The scenario the planner edits: the plan module's one plain JSON object of levers
 * (solver/scenario.ts), the same object the API stores and solves, with the same defaults.
 */
import { DEFAULT_SCENARIO, validateScenario, type Scenario } from '../../solver/scenario.ts';
import { HORIZON_LEVERS, NEUTRAL_HORIZON_RULES, YEAR_HORIZON_RULES } from '../../solver/horizon/horizonRules.ts';

export type ScenarioLevers = Scenario;

export const DEFAULT_LEVERS: ScenarioLevers = DEFAULT_SCENARIO;

/**
 * The levers with the horizon set to `months`. Crossing between one month and several, each horizon
 * lever still at the old side's default takes the new side's (the server fills a lever left out the
 * same way: neutral for one month, the year's for more); a lever the planner set is kept.
 */
export const withHorizon = (levers: ScenarioLevers, months: number): ScenarioLevers => {
  const was = levers.horizon === 1 ? NEUTRAL_HORIZON_RULES : YEAR_HORIZON_RULES;
  const now = months === 1 ? NEUTRAL_HORIZON_RULES : YEAR_HORIZON_RULES;
  const next: Record<string, unknown> = { ...levers, horizon: months };
  if (was !== now) for (const k of HORIZON_LEVERS) if (levers[k] === was[k]) next[k] = now[k];
  return next as unknown as ScenarioLevers;
};

/**
 * A saved scenario's levers as the server solves them: a lever left out takes the default the
 * solver's own check gives it (the year's for a horizon of more than one month, validateScenario).
 * Levers it refuses are kept as saved, over the defaults, so the editor shows each refusal.
 */
export const leversOf = (saved: Readonly<Record<string, unknown>>): ScenarioLevers => {
  const checked = validateScenario(saved);
  if (checked.ok) return checked.scenario;
  const months = typeof saved['horizon'] === 'number' ? saved['horizon'] : 1;
  return { ...withHorizon(DEFAULT_LEVERS, months), ...saved } as ScenarioLevers;
};
