/**
 * Why each civil servant moves, read off the ledger (planLedger.ts): the arrival step at the new
 * center and the departure step at the old one, with the whole plan's figures of both centers. A
 * reason states only what the ledger says, field by field with its sign: a field whose shortfall
 * rises is said to rise, never to be relieved; a departure that costs the old center nothing says
 * so and gives its utilization, which does rise. The sentence is built once here, in Vietnamese and
 * English, and every surface shows it as it is.
 */
import type { CivilServant } from '../domain.ts';
import { formatChange, formatHours, formatPercent, fromTo, lowerFirst, type Lang, type Names } from '../words.ts';
import type { CenterLedger, LedgerStep, StepField } from './planLedger.ts';
import type { Bilingual, MoveReason, MoveSide } from './planResult.ts';

/** Changes below this (in hours) are not worth a phrase: a sentence shows tenths of an hour. */
const SHOWN = 0.05;

export interface MoveReasonInput {
  readonly person: CivilServant;
  readonly from: CenterLedger;
  readonly to: CenterLedger;
  readonly homeKm: number;
  /** New commute minus today's (may be negative). */
  readonly commuteChangeKm: number;
  /** Their hours at the new center in the plan, by field. */
  readonly hours: Readonly<Record<string, number>>;
  /** The destination's minimum headcount (rules). */
  readonly minimumAtDestination: number;
}

const stepOf = (ledger: CenterLedger, kind: 'arrival' | 'departure', staffId: string): LedgerStep | undefined =>
  ledger.steps.find((s) => s.cause.kind === kind && s.cause.staffId === staffId);

const side = (ledger: CenterLedger, step: LedgerStep | undefined): MoveSide => ({
  centerCode: ledger.centerCode,
  change: step?.change ?? 0,
  fields: step?.fields ?? [],
  uncoveredBefore: ledger.before.uncoveredHours,
  uncoveredAfter: ledger.after.uncoveredHours,
  utilizationBefore: ledger.before.utilization,
  utilizationAfter: ledger.after.utilization,
});

const sum = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((s, v) => s + v, 0);

/** The move's reason, with its sentence in both languages. */
export const moveReason = (m: MoveReasonInput, names: Names): MoveReason => {
  const staffId = m.person.staffId;
  const arrival = stepOf(m.to, 'arrival', staffId);
  const departure = stepOf(m.from, 'departure', staffId);
  const atDestination = side(m.to, arrival);
  const atOrigin = side(m.from, departure);
  const keepsMinimum = atDestination.change < SHOWN && m.to.after.staff <= m.minimumAtDestination ? m.minimumAtDestination : null;
  const reason: Omit<MoveReason, 'sentence'> = {
    staffId,
    name: m.person.name,
    from: m.from.centerCode,
    to: m.to.centerCode,
    expertise: m.person.fields,
    homeKm: m.homeKm,
    addedCommuteKm: Math.max(0, m.commuteChangeKm),
    hours: m.hours,
    ownHours: arrival?.ownHours ?? {},
    atDestination,
    atOrigin,
    keepsMinimum,
  };
  return { ...reason, sentence: { vi: moveSentence(reason, names, 'vi'), en: moveSentence(reason, names, 'en') } };
};

/** `đất đai +74,7 giờ (thiếu từ 1.055,9 còn 981,2)` / `land +74.7 h (short from 1,055.9 to 981.2)`. */
const fieldPhrase = (f: StepField, names: Names, lang: Lang): string => {
  const name = lowerFirst(names.field(f.field, lang));
  const h = (x: number) => formatHours(lang, x);
  return lang === 'vi'
    ? `${name} ${formatChange(lang, f.change)} giờ (thiếu ${fromTo(lang, h(f.shortfallBefore), h(f.shortfallAfter), f.shortfallBefore, f.shortfallAfter)})`
    : `${name} ${formatChange(lang, f.change)} h (short ${fromTo(lang, h(f.shortfallBefore), h(f.shortfallAfter), f.shortfallBefore, f.shortfallAfter)})`;
};

const list = (parts: readonly string[], lang: Lang): string => parts.join(lang === 'vi' ? '; ' : '; ');

/** The move in one paragraph of `lang`. */
export const moveSentence = (r: Omit<MoveReason, 'sentence'>, names: Names, lang: Lang): string => {
  const vi = lang === 'vi';
  const h = (x: number) => formatHours(lang, x);
  const centerName = (code: string) => `${names.center(code)} (${code})`;
  const to = centerName(r.to);
  const from = centerName(r.from);
  const expertise = r.expertise.map((f) => lowerFirst(names.field(f, lang))).join(', ');
  const total = sum(r.hours);
  const work = Object.entries(r.hours).filter(([, v]) => v >= SHOWN).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([f, v]) => `${lowerFirst(names.field(f, lang))} ${h(v)}`).join(', ');
  const distance = vi
    ? `cách nơi ở ${h(r.homeKm)} km (${r.addedCommuteKm >= SHOWN ? `xa hơn hiện nay ${h(r.addedCommuteKm)} km` : 'không xa hơn hiện nay'})`
    : `${h(r.homeKm)} km from home (${r.addedCommuteKm >= SHOWN ? `${h(r.addedCommuteKm)} km further than today` : 'no further than today'})`;
  const head = vi
    ? `${r.name} (${r.staffId}; chuyên môn: ${expertise}) chuyển từ ${from} đến ${to}, ${distance}, và làm ở đó ${h(total)} giờ${work === '' ? '' : ` (${work})`}.`
    : `${r.name} (${r.staffId}; expertise: ${expertise}) moves from ${from} to ${to}, ${distance}, and works ${h(total)} h there${work === '' ? '' : ` (${work})`}.`;

  // At the destination: the arrival step, field by field with its sign.
  const d = r.atDestination;
  const gains = d.fields.filter((f) => f.change >= SHOWN);
  const losses = d.fields.filter((f) => f.change <= -SHOWN);
  const own = sum(r.ownHours);
  const idleColleagues = own - d.change;
  let destination: string;
  if (d.change < SHOWN) {
    destination = r.keepsMinimum !== null
      ? (vi ? `Người này không làm thêm được giờ nào còn thiếu ở ${to}, nhưng giữ trung tâm ở mức tối thiểu ${r.keepsMinimum} người.`
        : `They add no hours ${to} lacked, but keep it at its minimum of ${r.keepsMinimum} staff.`)
      : (vi ? `Người này không làm thêm được giờ nào còn thiếu ở ${to}.` : `They add no hours ${to} lacked.`);
  } else {
    const gained = list(gains.map((f) => fieldPhrase(f, names, lang)), lang);
    destination = vi
      ? `Nhờ vậy ${to} làm thêm được ${h(d.change)} giờ còn thiếu: ${gained}.`
      : `With them ${to} covers ${h(d.change)} h more of what it lacked: ${gained}.`;
    if (losses.length > 0) {
      const lost = list(losses.map((f) => fieldPhrase(f, names, lang)), lang);
      destination += vi
        ? ` Đồng thời ${lost}, vì đồng nghiệp chuyển sang lĩnh vực ưu tiên bằng hoặc cao hơn.`
        : ` At the same time ${lost}, as colleagues move to fields of equal or higher priority.`;
    }
    // Who does the added work: the person in the fields they hold and work in, colleagues in the rest
    // (freed by the newcomer taking over some of their work).
    const byOwn = gains.filter((f) => Math.min(f.change, r.ownHours[f.field] ?? 0) >= SHOWN).map((f) => lowerFirst(names.field(f.field, lang)));
    const byColleagues = gains.filter((f) => f.change - Math.min(f.change, r.ownHours[f.field] ?? 0) >= SHOWN).map((f) => lowerFirst(names.field(f.field, lang)));
    if (byColleagues.length > 0) {
      destination += vi
        ? ` Trong đó${byOwn.length > 0 ? ` người này tự làm phần ${byOwn.join(', ')};` : ''} phần ${byColleagues.join(', ')} do đồng nghiệp có chuyên môn đó làm thêm khi được người này đỡ việc khác.`
        : ` Of this,${byOwn.length > 0 ? ` they do the ${byOwn.join(', ')} themselves;` : ''} colleagues who hold ${byColleagues.join(', ')} cover it once the newcomer takes over some of their other work.`;
    }
    if (idleColleagues >= SHOWN) {
      destination += vi
        ? ` Người này tự làm ${h(own)} giờ; ${h(idleColleagues)} giờ của đồng nghiệp ở đó không còn việc thiếu để làm.`
        : ` They do ${h(own)} h themselves; ${h(idleColleagues)} h of colleagues' time there finds no missing work.`;
    }
  }
  const plan = vi
    ? `Cả phương án: giờ thiếu của ${to} ${fromTo(lang, h(d.uncoveredBefore), h(d.uncoveredAfter), d.uncoveredBefore, d.uncoveredAfter)}.`
    : `Over the whole plan ${to}'s uncovered hours go ${fromTo(lang, h(d.uncoveredBefore), h(d.uncoveredAfter), d.uncoveredBefore, d.uncoveredAfter)}.`;

  // At the origin: the departure step.
  const o = r.atOrigin;
  const losing = o.fields.filter((f) => f.change <= -SHOWN);
  const shifting = o.fields.filter((f) => f.change >= SHOWN);
  const shifted = shifting.length === 0 ? '' : vi
    ? ` (đồng thời ${list(shifting.map((f) => fieldPhrase(f, names, lang)), lang)}, do đồng nghiệp chia lại việc)`
    : ` (while ${list(shifting.map((f) => fieldPhrase(f, names, lang)), lang)}, as colleagues share the work anew)`;
  const util = (u: number | null) => (u === null ? (vi ? 'không còn ai' : 'nobody left') : formatPercent(lang, u));
  const uBefore = o.utilizationBefore ?? 0;
  const uAfter = o.utilizationAfter ?? Infinity;
  const utilization = vi
    ? `cả phương án: mức sử dụng ${fromTo(lang, util(o.utilizationBefore), util(o.utilizationAfter), uBefore, uAfter)}, giờ thiếu ${fromTo(lang, h(o.uncoveredBefore), h(o.uncoveredAfter), o.uncoveredBefore, o.uncoveredAfter)}`
    : `over the whole plan its utilization goes ${fromTo(lang, util(o.utilizationBefore), util(o.utilizationAfter), uBefore, uAfter)} and its uncovered hours ${fromTo(lang, h(o.uncoveredBefore), h(o.uncoveredAfter), o.uncoveredBefore, o.uncoveredAfter)}`;
  const origin = losing.length === 0
    ? (vi ? `${from} không mất giờ việc nào đang làm được khi người này đi (đồng nghiệp đảm nhận hoặc giờ đó không có việc); ${utilization}.`
      : `${from} loses none of the work it covers when they leave (colleagues take it over, or those hours had no work); ${utilization}.`)
    : (vi ? `${from} làm ít đi ${h(-o.change)} giờ khi người này đi: ${list(losing.map((f) => fieldPhrase(f, names, lang)), lang)}${shifted}; ${utilization}.`
      : `${from} covers ${h(-o.change)} h less when they leave: ${list(losing.map((f) => fieldPhrase(f, names, lang)), lang)}${shifted}; ${utilization}.`);
  return `${head} ${destination} ${plan} ${origin}`;
};

/** Both languages of any sentence-building function. */
export const bilingual = (make: (lang: Lang) => string): Bilingual => ({ vi: make('vi'), en: make('en') });
