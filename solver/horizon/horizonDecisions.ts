/**
 * What a plan over several months decides, by position (people, centers, fields, months as in the
 * HorizonIndex): for each person, to stay, a lasting transfer from a month on, or one secondment
 * for a run of months; for some, a cross-training; hires per center and field from a month on.
 *
 * - transfer (điều động): at the current center before `start`, at `to` from `start` to the end;
 * - secondment (biệt phái): at `to` from `start` to `end` (inclusive), at the current center otherwise;
 * - training: done alongside the work from `trainStart` for trainingMonths months (no hours lost);
 *   the person holds `trainField` from then on. Only for a person who stays;
 * - a hire brings `count` people of 1 FTE holding one field, from `start` to the end.
 * Plain typed arrays: the search (horizonSearch.ts) changes them in place; nothing else does.
 */
import type { HorizonIndex } from './horizonIndex.ts';

export const STAY = 0;
export const TRANSFER = 1;
export const SECONDMENT = 2;

export interface HireStart {
  readonly c: number;
  readonly f: number;
  readonly start: number;
  readonly count: number;
}

export interface Decisions {
  /** STAY, TRANSFER or SECONDMENT per person. */
  readonly kind: Uint8Array;
  readonly to: Int32Array;
  readonly start: Int32Array;
  /** Last month at `to` (a transfer's is the horizon's last). */
  readonly end: Int32Array;
  /** Field a person is trained in, or -1. */
  readonly trainField: Int32Array;
  readonly trainStart: Int32Array;
  readonly hires: HireStart[];
}

/** Everyone stays, nobody is trained or hired: the plan "no change". */
export const noChange = (people: number): Decisions => ({
  kind: new Uint8Array(people),
  to: new Int32Array(people).fill(-1),
  start: new Int32Array(people),
  end: new Int32Array(people),
  trainField: new Int32Array(people).fill(-1),
  trainStart: new Int32Array(people),
  hires: [],
});

export const copyDecisions = (d: Decisions): Decisions => ({
  kind: d.kind.slice(),
  to: d.to.slice(),
  start: d.start.slice(),
  end: d.end.slice(),
  trainField: d.trainField.slice(),
  trainStart: d.trainStart.slice(),
  hires: d.hires.map((h) => ({ ...h })),
});

/** Where person p works in month t (their current center when the plan leaves them there). */
export const locationOf = (hi: HorizonIndex, d: Decisions, p: number, t: number): number => {
  const k = d.kind[p];
  if (k !== STAY && t >= (d.start[p] ?? 0) && t <= (d.end[p] ?? -1)) return d.to[p] ?? 0;
  return hi.month[0]?.current[p] ?? 0;
};

/** The field person p holds in month t beyond their expertise (a finished training), or -1. */
export const trainedFieldAt = (d: Decisions, trainingMonths: number, p: number, t: number): number => {
  const f = d.trainField[p] ?? -1;
  return f >= 0 && t >= (d.trainStart[p] ?? 0) + trainingMonths ? f : -1;
};

/** Hires active at center c in month t, per field (count). */
export const activeHires = (d: Decisions, c: number, t: number): { field: number; count: number }[] => {
  const byField = new Map<number, number>();
  for (const h of d.hires) if (h.c === c && h.start <= t && h.count > 0) byField.set(h.f, (byField.get(h.f) ?? 0) + h.count);
  return [...byField].map(([field, count]) => ({ field, count })).sort((a, b) => a.field - b.field);
};
