/**
 * The scenario the planner edits: the plan module's one plain JSON object of levers
 * (solver/scenario.ts), the same object the API stores and solves, with the same defaults.
 */
import { DEFAULT_SCENARIO, type Scenario } from '../../solver/scenario.ts';

export type ScenarioLevers = Scenario;

export const DEFAULT_LEVERS: ScenarioLevers = DEFAULT_SCENARIO;
