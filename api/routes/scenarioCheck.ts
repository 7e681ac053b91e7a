/**
 * The API's one check of a scenario's levers (solver/checkScenario.ts), used by every route that
 * saves or solves one: scenario create, update and copy, plan solves of saved or inline levers,
 * trade-off curves. It runs after the wire schema and before anything is stored or queued, and
 * refuses with a 400 naming the lever, in the schema's form: `body/scenario/maxTransfers must be
 * at most 1549, the civil servants in the active dataset`. A saved scenario solved or copied later
 * is checked again against the dataset active then, and refused with the same words.
 */
import { FORECAST_HORIZON } from '../storage/forecastFiles.ts';
import type { Levers } from '../jobs/planPipeline.ts';
import type { Dataset } from '../../solver/domain.ts';
import { checkScenario, scenarioFacts, type ScenarioFacts } from '../../solver/checkScenario.ts';
import { httpError } from './httpError.ts';

/** Facts per parsed dataset (the service keeps the active one's object while it is active). */
const facts = new WeakMap<Dataset, ScenarioFacts>();
const factsOf = (dataset: Dataset): ScenarioFacts => {
  const known = facts.get(dataset);
  if (known !== undefined) return known;
  const made = scenarioFacts(dataset, FORECAST_HORIZON);
  facts.set(dataset, made);
  return made;
};

/** The levers as given when they fit `dataset`; otherwise a 400 naming the first problem's lever. */
export const checkedLevers = (levers: Levers, dataset: Dataset): Levers => {
  const result = checkScenario(levers, factsOf(dataset));
  if (result.ok) return levers;
  const first = result.problems[0];
  const path = first === undefined || first.field === '' ? '' : `/${first.field.replaceAll('.', '/')}`;
  throw httpError(400, `body/scenario${path} ${first?.message ?? 'is not valid'}`);
};
