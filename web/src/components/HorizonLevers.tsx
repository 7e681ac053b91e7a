/**
 * The levers of a plan over several months (issue 13): the horizon (1 = today's single-month plan)
 * and, for more than one month, secondments (person-months, shortest and longest), the hiring lead
 * time, the staff quota, cross-training (people, months), how many people may leave a center, and
 * the overload margin, and what one move disrupts (moveHours). Each control's problem shows beside it (LeverEditor's `err`), the same
 * field-named refusal the API gives.
 */
import { useId, type ReactNode } from 'react';
import { YEAR_HORIZON_RULES, type HorizonRules } from '../../../solver/horizon/horizonRules.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { withHorizon, type ScenarioLevers } from '../scenario.ts';

export interface HorizonLeversProps {
  readonly levers: ScenarioLevers;
  readonly onChange: (next: ScenarioLevers) => void;
  /** The problem of a lever, as LeverEditor shows it (null when none). */
  readonly err: (lever: string) => ReactNode;
  /** People in the active dataset: the staff quota a planner switches on starts there. */
  readonly staffCount: number | undefined;
}

type Whole = 'secondmentMonths' | 'secondmentMinMonths' | 'secondmentMaxMonths' | 'hireLeadMonths' | 'trainingBudget' | 'trainingMonths';
type Nullable = 'staffQuota' | 'maxLeavingPerCenter' | 'overloadMarginHours' | 'moveHours';

/** The value a nullable lever takes when its box is unticked (the year default where it has one). */
const SWITCHED_ON = { maxLeavingPerCenter: 2, overloadMarginHours: YEAR_HORIZON_RULES.overloadMarginHours ?? 20, moveHours: YEAR_HORIZON_RULES.moveHours ?? 140, maxLeavingShare: YEAR_HORIZON_RULES.maxLeavingShare ?? 0.25 } as const;

export const HorizonLevers = ({ levers, onChange, err, staffCount }: HorizonLeversProps) => {
  const { t } = useI18n();
  const switchedOn = (key: Nullable): number => (key === 'staffQuota' ? staffCount ?? 0 : SWITCHED_ON[key]);
  const id = useId();
  const set = <K extends keyof HorizonRules>(key: K, value: HorizonRules[K]) => onChange({ ...levers, [key]: value });
  const whole = (key: Whole, label: MessageKey, unit: MessageKey, min: number) => (
    <label htmlFor={`${id}-${key}`}>
      {t(label)} ({t(unit)})
      <input id={`${id}-${key}`} type="number" min={min} max={1000} step={1} value={levers[key]} onChange={(e) => set(key, Math.round(Number(e.target.value)))} />
    </label>
  );
  const nullable = (key: Nullable, label: MessageKey, unit: MessageKey, none: MessageKey) => (
    <div className="controls-row">
      <label htmlFor={`${id}-${key}`}>
        {t(label)} ({t(unit)})
        <input
          id={`${id}-${key}`}
          type="number"
          min={0}
          step={1}
          value={levers[key] ?? ''}
          disabled={levers[key] === null}
          onChange={(e) => set(key, Math.round(Number(e.target.value)))}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={levers[key] === null} onChange={(e) => set(key, e.target.checked ? null : switchedOn(key))} />
        {t(none)}
      </label>
    </div>
  );
  const share = levers.maxLeavingShare;
  return (
    <fieldset className="horizon-levers">
      <legend>{t('horizonLevers')}</legend>
      <label htmlFor={`${id}-horizon`}>
        {t('horizonMonths')} ({t('unitMonths')})
        <input
          id={`${id}-horizon`}
          type="number"
          min={1}
          max={36}
          step={1}
          value={levers.horizon}
          aria-describedby={`${id}-horizon-help`}
          onChange={(e) => onChange(withHorizon(levers, Math.max(1, Math.round(Number(e.target.value)))))}
        />
      </label>
      <p className="help" id={`${id}-horizon-help`}>
        {t('horizonHelp')}
      </p>
      {err('horizon')}
      {levers.horizon > 1 && (
        <>
          <div className="controls-row">
            {whole('secondmentMonths', 'secondmentBudget', 'unitPersonMonths', 0)}
            {whole('secondmentMinMonths', 'secondmentShortest', 'unitMonths', 1)}
            {whole('secondmentMaxMonths', 'secondmentLongest', 'unitMonths', 1)}
          </div>
          {err('secondmentMonths')}
          {err('secondmentMinMonths')}
          {err('secondmentMaxMonths')}
          <div className="controls-row">{whole('hireLeadMonths', 'hireLead', 'unitMonths', 0)}</div>
          {err('hireLeadMonths')}
          {nullable('staffQuota', 'staffQuota', 'unitPeople', 'staffQuotaAuto')}
          {err('staffQuota')}
          <div className="controls-row">
            {whole('trainingBudget', 'trainingBudget', 'unitPeople', 0)}
            {whole('trainingMonths', 'trainingDuration', 'unitMonths', 1)}
          </div>
          {err('trainingBudget')}
          {err('trainingMonths')}
          {nullable('maxLeavingPerCenter', 'maxLeavingPerCenter', 'unitPeople', 'unlimited')}
          {err('maxLeavingPerCenter')}
          <div className="controls-row">
            <label htmlFor={`${id}-share`}>
              {t('maxLeavingShare')} ({t('unitPercent')})
              <input
                id={`${id}-share`}
                type="number"
                min={1}
                max={100}
                step={1}
                value={share === null ? '' : Math.round(share * 100)}
                disabled={share === null}
                onChange={(e) => set('maxLeavingShare', Number(e.target.value) / 100)}
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={share === null} onChange={(e) => set('maxLeavingShare', e.target.checked ? null : SWITCHED_ON.maxLeavingShare)} />
              {t('unlimited')}
            </label>
          </div>
          {err('maxLeavingShare')}
          {nullable('overloadMarginHours', 'overloadMargin', 'unitHours', 'overloadMarginOff')}
          {err('overloadMarginHours')}
          {nullable('moveHours', 'moveHours', 'unitHours', 'moveHoursOff')}
          {err('moveHours')}
        </>
      )}
    </fieldset>
  );
};
