/**
 * Shadow prices and cross-training computed in the browser when the plan result carries no
 * explanation: for each center, the people the plan places there (and its hires) cover its
 * required hours as well as their expertise allows (solver/plan/centerCoverage.ts, an exact
 * max-flow filled by field priority). Then
 * - the shadow price of (center, field) = hours covered with one more 1-FTE person holding only that
 *   field, minus hours covered now;
 * - a cross-training gain of (person, new field) = hours covered if that person also held the field,
 *   minus hours covered now.
 * Hours per FTE come from the plan's own before-figures (available hours / FTE).
 */
import type { CivilServant, Field } from '../../solver/domain.ts';
import { centerCoverage, type CoveragePerson } from '../../solver/plan/centerCoverage.ts';
import type { CrossTraining, PlanReport, ShadowPrice } from './planReport.ts';

/** Gains smaller than this many hours are not worth a line. */
const MIN_GAIN_HOURS = 1;

const sum = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0);

export const hoursPerFteOf = (report: PlanReport): number => {
  const hpfs = report.before.filter((c) => c.staffFte > 0).map((c) => c.availableHours / c.staffFte);
  return hpfs.length ? hpfs.reduce((a, b) => a + b, 0) / hpfs.length : 0;
};

export const explainLocally = (
  report: PlanReport,
  staff: readonly CivilServant[],
  fields: readonly Field[],
): { shadowPrices: ShadowPrice[]; crossTraining: CrossTraining[] } => {
  const hpf = hoursPerFteOf(report);
  const index = new Map(fields.map((f, i) => [f.field, i]));
  const priority = fields.map((f) => f.priority);
  const byId = new Map(staff.map((p) => [p.staffId, p]));
  const required = new Map<string, number[]>();
  for (const c of report.coverage) {
    const row = required.get(c.centerCode) ?? fields.map(() => 0);
    const i = index.get(c.field);
    if (i !== undefined) row[i] = c.required;
    required.set(c.centerCode, row);
  }
  const members = new Map<string, { person: CivilServant | undefined; cover: CoveragePerson }[]>();
  const place = (center: string, person: CivilServant | undefined, cover: CoveragePerson) =>
    members.set(center, [...(members.get(center) ?? []), { person, cover }]);
  for (const a of report.assignments) {
    const p = byId.get(a.staffId);
    if (p) place(a.toCenter, p, { capacity: p.fte * hpf, fields: p.fields.flatMap((f) => (index.has(f) ? [index.get(f) as number] : [])) });
  }
  for (const h of report.hires) {
    const i = index.get(h.field);
    if (i !== undefined) place(h.centerCode, undefined, { capacity: h.count * hpf, fields: [i] });
  }
  const shadowPrices: ShadowPrice[] = [];
  const crossTraining: CrossTraining[] = [];
  const covered = new Float64Array(fields.length);
  for (const [center, req] of required) {
    const people = (members.get(center) ?? []).map((m) => m.cover);
    centerCoverage(req, priority, people, covered);
    const base = sum(covered);
    const uncovered = req.map((r, i) => r - (covered[i] ?? 0));
    fields.forEach((f, i) => {
      if ((uncovered[i] ?? 0) < MIN_GAIN_HOURS) return;
      centerCoverage(req, priority, [...people, { capacity: hpf, fields: [i] }], covered);
      const gain = sum(covered) - base;
      if (gain >= MIN_GAIN_HOURS) shadowPrices.push({ centerCode: center, field: f.field, hours: gain });
    });
    for (const m of members.get(center) ?? []) {
      if (!m.person) continue;
      fields.forEach((f, i) => {
        if ((uncovered[i] ?? 0) < MIN_GAIN_HOURS || m.cover.fields.includes(i)) return;
        const trained = people.map((p) => (p === m.cover ? { capacity: p.capacity, fields: [...p.fields, i] } : p));
        centerCoverage(req, priority, trained, covered);
        const gain = sum(covered) - base;
        if (gain >= MIN_GAIN_HOURS) crossTraining.push({ staffId: m.person?.staffId ?? '', name: m.person?.name ?? '', centerCode: center, field: f.field, hours: gain });
      });
    }
  }
  shadowPrices.sort((a, b) => b.hours - a.hours);
  crossTraining.sort((a, b) => b.hours - a.hours);
  return { shadowPrices, crossTraining };
};
