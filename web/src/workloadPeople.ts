/**
 * People, not only hours, on the screens without a plan (overview, center page): the workload's
 * hours (GET /api/workload, today's staff) divided by its hoursPerFte, the FTE of one person in the
 * period. A plan's people figures come from its result instead (PlanResult: fteShort, shortSentence).
 */
import type { CenterWorkload } from '../../solver/workload/workloadTypes.ts';

/** Hours as full-time people in the period. */
export const peopleOf = (hours: number, hoursPerFte: number): number => (hoursPerFte > 0 ? hours / hoursPerFte : 0);

/** FTE as whole people for a sentence, rounded up as the plan result's sentences do ("needs 3 more people" never understates). */
export const wholePeople = (fte: number): number => Math.ceil(fte - 1e-9);

/** A field is named in "of whom ..." from half a person short, at most this many fields, as in the plan result's sentence. */
const FIELD_MIN_FTE = 0.5;
const FIELDS_NAMED = 3;

export interface PeopleShort {
  /** Whole people the center lacks with today's staff. */
  readonly people: number;
  /** The fields most short, with whole people each. */
  readonly fields: readonly { readonly field: string; readonly people: number }[];
}

/** What a center lacks in people with today's staff; undefined when it lacks (nearly) nobody. */
export const centerPeopleShort = (center: CenterWorkload, hoursPerFte: number): PeopleShort | undefined => {
  const fte = peopleOf(center.uncoveredHours, hoursPerFte);
  if (fte < 0.05) return undefined;
  const fields = center.shortFields
    .map((f) => ({ field: f.field, fte: peopleOf(f.uncoveredHours, hoursPerFte) }))
    .filter((f) => f.fte >= FIELD_MIN_FTE)
    .sort((a, b) => b.fte - a.fte)
    .slice(0, FIELDS_NAMED)
    .map((f) => ({ field: f.field, people: wholePeople(f.fte) }));
  return { people: wholePeople(fte), fields };
};
