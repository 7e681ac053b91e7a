/**
 * Why no plan exists, in the planner's language, as the server wrote it (PlanResult.infeasibility):
 * the key conflict first, then the conflicts grouped by the rules they involve, each group under its
 * title (the rules in words, never their ids); the key conflict is not repeated in its group. A long
 * group opens on demand.
 */
import type { Infeasibility as Why } from '../../../solver/plan/planResult.ts';
import { useI18n } from '../i18n.ts';

/** Conflicts shown before a group folds the rest away. */
const SHOWN = 5;

export const Infeasibility = ({ why }: { readonly why: Why }) => {
  const { lang, t } = useI18n();
  return (
    <section className="infeasibility" aria-label={t('whyNoPlan')}>
      <p className="lead-conflict">{why.lead.text[lang]}</p>
      {why.groups.map((group) => {
        const others = group.conflicts.filter((c) => c.text.en !== why.lead.text.en);
        return (
          <div key={group.rules.join('+')} className="conflict-group">
            <h3>{group.title[lang]}</h3>
            {others.length > 0 && (
              <ul>
                {others.slice(0, SHOWN).map((c, i) => (
                  <li key={i}>{c.text[lang]}</li>
                ))}
              </ul>
            )}
            {others.length > SHOWN && (
              <details>
                <summary>{t('moreConflicts', { n: others.length - SHOWN })}</summary>
                <ul>
                  {others.slice(SHOWN).map((c, i) => (
                    <li key={i}>{c.text[lang]}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      })}
    </section>
  );
};
