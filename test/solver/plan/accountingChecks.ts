/**
 * The invariants of the plan result's accounting (issue 11), checked on any plan: the steps of each
 * center add up to its change per field; "after" is the hours of the plan's own assignments; "before"
 * is today's staff with no hire; every move's parts are its center's steps; and every sentence's
 * signed phrase agrees with its shortfall figures. Returns what is wrong, one line each.
 */
import type { PlanInput } from '../../../solver/plan/planInput.ts';
import type { PlanResult } from '../../../solver/plan/planResult.ts';

/** The accounting must add up to a tenth of an hour (issue 11); it does to floating-point noise. */
const TOLERANCE = 1e-6;

/** `land +74.7 h (short from 1,055.9 to 981.2)` and `unchanged at` phrases of an English sentence. */
const PHRASE = /([+−])([\d,]+\.\d) h \(short (?:from ([\d,]+\.\d) to ([\d,]+\.\d)|unchanged at ([\d,]+\.\d))\)/g;
const value = (text: string): number => Number(text.replaceAll(',', ''));

export const accountingProblems = (input: PlanInput, result: PlanResult): string[] => {
  const problems: string[] = [];
  const o = result.outcome;
  if (o === null) return ['no outcome'];
  const today = new Map<string, number>();
  for (const p of input.staff) today.set(p.centerCode, (today.get(p.centerCode) ?? 0) + 1);
  const assigned = new Map<string, number>();
  for (const a of o.assignments) for (const [f, h] of Object.entries(a.hours)) assigned.set(`${a.toCenter}|${f}`, (assigned.get(`${a.toCenter}|${f}`) ?? 0) + h);
  for (const h of o.hires) assigned.set(`${h.centerCode}|${h.field}`, (assigned.get(`${h.centerCode}|${h.field}`) ?? 0) + h.hours);
  let cityChange = 0;
  for (const c of o.centers) {
    if (c.staffBefore !== (today.get(c.centerCode) ?? 0)) problems.push(`${c.centerCode}: before has ${c.staffBefore} staff, today ${today.get(c.centerCode) ?? 0}`);
    const stepSum = new Map<string, number>();
    for (const s of c.steps) for (const f of s.fields) stepSum.set(f.field, (stepSum.get(f.field) ?? 0) + f.change);
    for (const f of c.fields) {
      const parts = stepSum.get(f.field) ?? 0;
      if (Math.abs(parts - (f.coveredAfter - f.coveredBefore)) > TOLERANCE) problems.push(`${c.centerCode}/${f.field}: steps add up to ${parts}, the change is ${f.coveredAfter - f.coveredBefore}`);
      const fromAssignments = assigned.get(`${c.centerCode}|${f.field}`) ?? 0;
      if (Math.abs(fromAssignments - f.coveredAfter) > TOLERANCE) problems.push(`${c.centerCode}/${f.field}: covered after ${f.coveredAfter}, the plan's assignments give ${fromAssignments}`);
      if (Math.abs(f.uncoveredAfter - Math.max(0, f.requiredHours - f.coveredAfter)) > TOLERANCE) problems.push(`${c.centerCode}/${f.field}: uncovered after does not follow from covered`);
    }
    const total = c.fields.reduce((s, f) => s + f.uncoveredBefore - f.uncoveredAfter, 0);
    if (Math.abs(total - (c.uncoveredBefore - c.uncoveredAfter)) > TOLERANCE) problems.push(`${c.centerCode}: fields and center disagree on the change`);
    cityChange += c.steps.reduce((s, x) => s + x.change, 0);
  }
  const movesAndHires = o.moves.reduce((s, m) => s + m.atDestination.change + m.atOrigin.change, 0)
    + o.centers.flatMap((c) => c.steps.filter((s) => s.cause.kind === 'hire')).reduce((s, x) => s + x.change, 0);
  if (Math.abs(movesAndHires - cityChange) > TOLERANCE) problems.push(`moves and hires add up to ${movesAndHires}, the city's change is ${cityChange}`);
  if (Math.abs(cityChange - (o.before.uncoveredHours - o.after.uncoveredHours)) > 1e-4) problems.push(`the steps add up to ${cityChange}, the city's uncovered hours fall by ${o.before.uncoveredHours - o.after.uncoveredHours}`);
  const centers = new Map(o.centers.map((c) => [c.centerCode, c]));
  for (const m of o.moves) {
    const arrival = centers.get(m.to)?.steps.find((s) => s.cause.kind === 'arrival' && s.cause.staffId === m.staffId);
    const departure = centers.get(m.from)?.steps.find((s) => s.cause.kind === 'departure' && s.cause.staffId === m.staffId);
    if (arrival === undefined || Math.abs(arrival.change - m.atDestination.change) > TOLERANCE) problems.push(`${m.staffId}: the destination part is not its arrival step`);
    if (departure === undefined || Math.abs(departure.change - m.atOrigin.change) > TOLERANCE) problems.push(`${m.staffId}: the origin part is not its departure step`);
    if (m.atDestination.change < -TOLERANCE) problems.push(`${m.staffId}: an arrival makes its center cover less (${m.atDestination.change})`);
    if (m.atOrigin.change > TOLERANCE) problems.push(`${m.staffId}: a departure makes its center cover more (${m.atOrigin.change})`);
    for (const match of m.sentence.en.matchAll(PHRASE)) {
      const [, sign, hours, from, to, unchanged] = match;
      const before = value(from ?? unchanged ?? '0');
      const after = value(to ?? unchanged ?? '0');
      const change = value(hours ?? '0');
      // A field whose covered hours rise has its shortfall fall by as much, and the other way round.
      if (sign === '+' && !(after < before || change < 0.05)) problems.push(`${m.staffId}: "${match[0]}" says it gains while its shortfall does not fall`);
      if (sign === '−' && !(after > before || change < 0.05)) problems.push(`${m.staffId}: "${match[0]}" says it loses while its shortfall does not rise`);
      if (Math.abs(Math.abs(before - after) - change) > 0.15) problems.push(`${m.staffId}: "${match[0]}" does not add up`);
    }
    const relieved = /covers [\d,]+\.\d h more of what it lacked: ([^.]*)\./.exec(m.sentence.en)?.[1] ?? '';
    if (relieved.includes('−')) problems.push(`${m.staffId}: a loss is listed among the gains: ${relieved}`);
  }
  return problems;
};
