/**
 * What the solver concluded about a plan, in the planner's language: its status sentence (from the
 * status and gap) and, when no plan keeps every rule, the conflicts with the rules they involve,
 * centers named from the active dataset with their diacritics. Drop-in for a plan's result screen:
 * `<PlanStatusText summary={report} />` and `<ConflictList conflicts={report.conflicts} />`.
 */
import { useI18n } from '../i18n.ts';
import { conflictText, planStatusText, ruleText, type StatusSummary } from '../messages/conflictText.ts';
import type { WireCoded } from '../messages/params.ts';
import { useReference } from '../reference.ts';

/** The solver's status sentence (Vietnamese or English), as a quiet note beside the status badge. */
export const PlanStatusText = ({ summary }: { readonly summary: StatusSummary }) => {
  const { lang } = useI18n();
  const text = planStatusText(lang, summary);
  return text ? <span className="help">{text}</span> : null;
};

/** A conflict as the plan result carries it: English message, rules in words, code and params when coded. */
export interface ConflictLike extends WireCoded {
  readonly rules?: readonly string[];
}

/** Why no plan keeps every rule, one item per conflict, with the rules it involves; nothing when there is none. */
export const ConflictList = ({ conflicts }: { readonly conflicts: readonly ConflictLike[] }) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  if (conflicts.length === 0) return null;
  const names = (code: string) => ref.centerByCode.get(code)?.nameVi;
  return (
    <div className="error-note" role="alert">
      <strong>{t('conflicts')}:</strong>
      <ul>
        {conflicts.map((c, i) => (
          <li key={i}>
            {conflictText(lang, c, names)}
            {c.rules && c.rules.length > 0 && <span className="help"> ({c.rules.map((r) => ruleText(lang, r)).join('; ')})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
};
