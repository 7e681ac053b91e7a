/**
 * Every lever of a scenario, each a labelled control with its unit. A lever's problem shows beside
 * it in the planner's language: the server's message when it named that lever, else what the
 * solver's own check (validateScenario, run here) finds.
 */
import { useId, useMemo } from 'react';
import { hrefOf } from '../route.ts';
import { NormsSwitch } from './NormsSwitch.tsx';
import type { CivilServant, Field } from '../../../solver/domain.ts';
import { ownValue } from '../../../solver/ownValue.ts';
import { validateScenario, type ScenarioProblem } from '../../../solver/scenario.ts';
import { useI18n, type Lang } from '../i18n.ts';
import { readValidationMessage, scenarioProblemText } from '../messages/scenarioProblemText.ts';
import { serverMessageText } from '../messages/serverMessageText.ts';
import type { ScenarioLevers } from '../scenario.ts';
import { HorizonLevers } from './HorizonLevers.tsx';
import { PeriodControls } from './PeriodControls.tsx';
import { StaffPicker } from './StaffPicker.tsx';

export interface LeverEditorProps {
  readonly levers: ScenarioLevers;
  readonly fields: readonly Field[];
  readonly onChange: (next: ScenarioLevers) => void;
  /** Server validation message per lever name (e.g. `maxCommuteKm`), shown beside that control. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Civil servants of the active dataset (locked people are picked from them and checked against them); undefined while unknown. */
  readonly staff?: readonly CivilServant[] | undefined;
  /** A center's name by code, for the people offered as locked (default: the code). */
  readonly centerName?: (code: string) => string;
  /** Center codes of the active dataset (per-center levers are checked against them); undefined while unknown. */
  readonly centerCodes?: readonly string[] | undefined;
  /** Whether the period is actual history or a forecast (the quantile is disabled for history). */
  readonly source?: 'history' | 'forecast' | undefined;
}

/** What the active dataset knows: a lever naming anything else is refused beside that lever. */
export interface DatasetNames {
  readonly fieldIds: ReadonlySet<string>;
  /** Undefined when the staff list could not be read (then locked ids are not checked). */
  readonly staffIds: ReadonlySet<string> | undefined;
  readonly centerCodes: ReadonlySet<string> | undefined;
}

/** A lever naming staff, fields or centers the active dataset does not have: the lever and the bad names. */
export interface UnknownNames {
  readonly kind: 'staff' | 'field' | 'center';
  readonly values: readonly string[];
}

const FIELD_LEVERS = ['demandMultiplierByField', 'normMultiplierByField', 'hiresAllowedByField'] as const;
const CENTER_LEVERS = ['demandMultiplierByCenter', 'minStaffByCenter'] as const;

/** Per lever, the staff ids, field codes or center codes it names that the active dataset lacks. */
export const unknownNamesOf = (levers: ScenarioLevers, names: DatasetNames): ReadonlyMap<string, UnknownNames> => {
  const found = new Map<string, UnknownNames>();
  const check = (lever: string, kind: UnknownNames['kind'], values: readonly string[], known: ReadonlySet<string> | undefined) => {
    const bad = known ? values.filter((v) => !known.has(v)) : [];
    if (bad.length > 0) found.set(lever, { kind, values: bad });
  };
  for (const lever of FIELD_LEVERS) check(lever, 'field', Object.keys(levers[lever] ?? {}), names.fieldIds.size > 0 ? names.fieldIds : undefined);
  for (const lever of CENTER_LEVERS) check(lever, 'center', Object.keys(levers[lever] ?? {}), names.centerCodes);
  check('lockedStaffIds', 'staff', levers.lockedStaffIds ?? [], names.staffIds);
  return found;
};

/** A server message about one lever, next to it: its sentence only (the control names the lever). */
export const leverMessageText = (lang: Lang, message: string): string =>
  lang === 'en' ? message : (readValidationMessage(lang, message)?.text ?? serverMessageText(lang, message));

/** The first problem validateScenario finds per top-level lever (`weights.evenness` counts as `weights`). */
export const localLeverProblems = (levers: unknown): ReadonlyMap<string, ScenarioProblem> => {
  const checked = validateScenario(levers);
  const byLever = new Map<string, ScenarioProblem>();
  if (!checked.ok) for (const p of checked.problems) if (!byLever.has(p.field.split('.')[0] ?? '')) byLever.set(p.field.split('.')[0] ?? '', p);
  return byLever;
};

const pct = (m: number): string => `${m >= 1 ? '+' : ''}${Math.round((m - 1) * 100)}%`;

const setIn = <T extends Readonly<Record<string, number>>>(rec: T, key: string, value: number, neutral: number): T => {
  const next: Record<string, number> = { ...rec };
  if (value === neutral) delete next[key];
  else next[key] = value;
  return next as T;
};

const asCode = (code: string): string => code;

export const LeverEditor = ({ levers, fields, onChange, errors = {}, staff, centerName = asCode, centerCodes, source }: LeverEditorProps) => {
  const { lang, t } = useI18n();
  const id = useId();
  const set = <K extends keyof ScenarioLevers>(key: K, value: ScenarioLevers[K]) => onChange({ ...levers, [key]: value });
  const fieldName = (f: Field) => (lang === 'vi' ? f.nameVi : f.nameEn);
  const local = useMemo(() => localLeverProblems(levers), [levers]);
  const staffIds = useMemo(() => staff?.map((p) => p.staffId), [staff]);
  const fieldById = useMemo(() => new Map(fields.map((f) => [f.field, f])), [fields]);
  const unknown = useMemo(
    () =>
      unknownNamesOf(levers, {
        fieldIds: new Set(fields.map((f) => f.field)),
        staffIds: staffIds ? new Set(staffIds) : undefined,
        centerCodes: centerCodes ? new Set(centerCodes) : undefined,
      }),
    [levers, fields, staffIds, centerCodes],
  );
  const unknownText = (u: UnknownNames | undefined): string | undefined =>
    u === undefined
      ? undefined
      : u.kind === 'staff'
        ? t('unknownStaffIds', { ids: u.values.join(', ') })
        : u.kind === 'field'
          ? t('unknownFieldCodes', { codes: u.values.join(', ') })
          : t('unknownCenterCodes', { codes: u.values.join(', ') });
  const negativeText = (key: string): string | undefined => {
    const v = (levers as unknown as Record<string, unknown>)[key];
    return typeof v === 'number' && v < 0 ? t('mustBeNonNegative', { value: v }) : undefined;
  };
  const err = (key: string, id?: string) => {
    const server = errors[key];
    const mine = local.get(key);
    const text = server
      ? leverMessageText(lang, server)
      : (negativeText(key) ?? unknownText(unknown.get(key)) ?? (mine ? scenarioProblemText(lang, mine) : undefined));
    return text === undefined ? null : (
      <span className="field-error" role="alert" id={id}>
        {text}
      </span>
    );
  };
  return (
    <div className="lever-editor">
      <fieldset>
        <legend>{t('periodAndLevel')}</legend>
        <PeriodControls
          period={levers.period}
          quantile={levers.quantile}
          onPeriod={(p) => set('period', p)}
          onQuantile={(q) => set('quantile', q)}
          source={source}
        />
        {err('period')}
        {err('quantile')}
      </fieldset>

      <HorizonLevers levers={levers} onChange={onChange} err={(lever) => err(lever)} staffCount={staff?.length} />

      <fieldset>
        <legend>{t('demand')}</legend>
        <label htmlFor={`${id}-online`} className="slider">
          <span>
            {t('onlineShift')}: <output>{`${levers.onlineShareShift >= 0 ? '+' : ''}${Math.round(levers.onlineShareShift * 100)} ${t('unitPoints')}`}</output>
          </span>
          <input
            id={`${id}-online`}
            type="range"
            min={-20}
            max={30}
            step={1}
            value={Math.round(levers.onlineShareShift * 100)}
            onChange={(e) => set('onlineShareShift', Number(e.target.value) / 100)}
          />
        </label>
        {err('onlineShareShift')}
        <table className="table compact lever-table">
          <thead>
            <tr>
              <th scope="col">{t('field')}</th>
              <th scope="col">{t('demandMultiplier')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => {
              const m = ownValue(levers.demandMultiplierByField, f.field) ?? 1;
              return (
                <tr key={f.field}>
                  <th scope="row">{fieldName(f)}</th>
                  <td className="nowrap">
                    <input
                      type="range"
                      min={50}
                      max={200}
                      step={5}
                      value={Math.round(m * 100)}
                      aria-label={`${t('demandMultiplier')}: ${fieldName(f)}`}
                      onChange={(e) => set('demandMultiplierByField', setIn(levers.demandMultiplierByField, f.field, Number(e.target.value) / 100, 1))}
                    />
                    <output className="lever-value">{pct(m)}</output>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset>
        <legend>
          {t('normChange')} · {t('hires')}
        </legend>
        <div className="controls-row">
          <NormsSwitch value={levers.norms} onChange={(n) => set('norms', n)} id={`${id}-norms`} />
          <a href={hrefOf('check')} className="help">{t('normsSeeCheck')}</a>
        </div>
        {err('norms')}
        <table className="table compact lever-table">
          <thead>
            <tr>
              <th scope="col">{t('field')}</th>
              <th scope="col">{t('normChange')} (%)</th>
              <th scope="col">
                {t('hires')} ({t('unitPeople')})
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => {
              const n = ownValue(levers.normMultiplierByField, f.field) ?? 1;
              const h = ownValue(levers.hiresAllowedByField, f.field) ?? 0;
              return (
                <tr key={f.field}>
                  <th scope="row">{fieldName(f)}</th>
                  <td>
                    <input
                      type="number"
                      min={-50}
                      max={100}
                      step={5}
                      value={Math.round((n - 1) * 100)}
                      aria-label={`${t('normChange')} (%): ${fieldName(f)}`}
                      onChange={(e) => set('normMultiplierByField', setIn(levers.normMultiplierByField, f.field, 1 + Number(e.target.value) / 100, 1))}
                    />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={50}
                      step={1}
                      value={h}
                      aria-label={`${t('hires')}: ${fieldName(f)}`}
                      onChange={(e) => set('hiresAllowedByField', setIn(levers.hiresAllowedByField, f.field, Math.round(Number(e.target.value)), 0))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {err('demandMultiplierByField')}
        {err('normMultiplierByField')}
        {err('hiresAllowedByField')}
        {err('demandMultiplierByCenter')}
        {err('minStaffByCenter')}
      </fieldset>

      <fieldset>
        <legend>{t('transfers')}</legend>
        <div className="controls-row">
          <label htmlFor={`${id}-budget`}>
            {t('transferBudget')} ({t('unitPeople')})
            <input
              id={`${id}-budget`}
              type="number"
              min={0}
              max={2000}
              value={levers.maxTransfers ?? ''}
              disabled={levers.maxTransfers === null}
              onChange={(e) => set('maxTransfers', Math.round(Number(e.target.value)))}
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={levers.maxTransfers === null} onChange={(e) => set('maxTransfers', e.target.checked ? null : 30)} />
            {t('unlimited')}
          </label>
        </div>
        {err('maxTransfers')}
        <label htmlFor={`${id}-commute`} className="slider">
          <span>
            {t('commuteRadius')}: <output>{`${levers.maxCommuteKm} ${t('unitKm')}`}</output>
          </span>
          <input id={`${id}-commute`} type="range" min={0} max={60} step={1} value={levers.maxCommuteKm} onChange={(e) => set('maxCommuteKm', Number(e.target.value))} />
        </label>
        {err('maxCommuteKm')}
        <div className="controls-row">
          <label htmlFor={`${id}-min`}>
            {t('minStaff')} ({t('unitPeople')})
            <input id={`${id}-min`} type="number" min={0} max={30} value={levers.minStaffPerCenter} onChange={(e) => set('minStaffPerCenter', Math.round(Number(e.target.value)))} />
          </label>
          <label className="check">
            <input type="checkbox" checked={levers.crossTraining} onChange={(e) => set('crossTraining', e.target.checked)} />
            {t('crossTraining')}
          </label>
        </div>
        {err('minStaffPerCenter')}
        <StaffPicker
          label={t('lockedPeople')}
          staff={staff}
          chosen={levers.lockedStaffIds}
          onChange={(ids) => set('lockedStaffIds', ids)}
          centerName={centerName}
          fieldName={(f) => {
            const field = fieldById.get(f);
            return field ? fieldName(field) : f;
          }}
          describedBy={`${id}-locked-error`}
        />
        {err('lockedStaffIds', `${id}-locked-error`)}
      </fieldset>

      <fieldset>
        <legend>{t('weights')}</legend>
        <div className="controls-row weights">
          {(
            [
              ['uncovered', 'wUncovered', t('unitHours')],
              ['evenness', 'wEvenness', t('unitPoints')],
              ['transfers', 'wTransfers', t('unitHours')],
              ['commuteKm', 'wCommute', t('unitHours')],
              ['hires', 'wHires', t('unitHours')],
            ] as const
          ).map(([key, label, unit]) => (
            <label key={key} htmlFor={`${id}-w-${key}`}>
              {t(label)} ({unit})
              <input
                id={`${id}-w-${key}`}
                type="number"
                min={0}
                step={0.1}
                value={levers.weights[key]}
                onChange={(e) => set('weights', { ...levers.weights, [key]: Math.max(0, Number(e.target.value)) })}
              />
            </label>
          ))}
        </div>
        {err('weights')}
        <label htmlFor={`${id}-time`}>
          {t('timeLimit')} ({t('unitSeconds')})
          <input
            id={`${id}-time`}
            type="number"
            min={1}
            max={600}
            step={1}
            value={levers.timeLimitSeconds}
            onChange={(e) => set('timeLimitSeconds', Math.min(600, Math.max(1, Math.round(Number(e.target.value)))))}
          />
        </label>
        {err('timeLimitSeconds')}
      </fieldset>
    </div>
  );
};
