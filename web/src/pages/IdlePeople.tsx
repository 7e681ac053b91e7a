/**
 * The civil servants with (nearly) no work in the plan (PlanResult.outcome.idle): who, where, what
 * they know, their idle hours, and the centers within their commute radius short of their
 * expertise after the plan.
 */
import { useState } from 'react';
import type { IdlePerson } from '../../../solver/plan/planResult.ts';
import { formatInt, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';

/** People listed before "show all" (the Hai Phong default plan has about a hundred). */
const FIRST = 10;

export const IdlePeople = ({ idle }: { readonly idle: readonly IdlePerson[] }) => {
  const { lang, t } = useI18n();
  const [all, setAll] = useState(false);
  const { centerByCode, fieldById } = useReference();
  const centerName = (code: string) => centerByCode.get(code)?.nameVi ?? code;
  const fieldName = (id: string) => {
    const f = fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  return (
    <>
      <p className="help">{t('idleHelp')}</p>
      {idle.length === 0 ? (
        <p className="help">{t('none')}</p>
      ) : (
        <table className="table compact stack" aria-label={t('idlePeople')}>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('center')}</th>
              <th scope="col">{t('expertise')}</th>
              <th scope="col" className="num">
                {t('idleHours')}
              </th>
              <th scope="col">{t('couldHelp')}</th>
            </tr>
          </thead>
          <tbody>
            {(all ? idle : idle.slice(0, FIRST)).map((p) => (
              <tr key={p.staffId}>
                <td>
                  <span className="person">{p.name}</span>
                  <div className="sub mono">{p.staffId}</div>
                </td>
                <td data-label={t('center')}>{centerName(p.centerCode)}</td>
                <td data-label={t('expertise')}>
                  {p.expertise.map((f) => (
                    <span key={f} className="chip">
                      {fieldName(f)}
                    </span>
                  ))}
                </td>
                <td data-label={t('idleHours')} className="num">
                  {formatNumber(lang, p.idleHours)} / {formatNumber(lang, p.availableHours)} {t('unitHours')}
                </td>
                <td data-label={t('couldHelp')}>
                  {p.couldHelp.length === 0 ? (
                    <span className="help">{t('couldHelpNone')}</span>
                  ) : (
                    <ul className="plain">
                      {p.couldHelp.map((h) => (
                        <li key={`${h.centerCode}-${h.field}`}>
                          {centerName(h.centerCode)} · {fieldName(h.field)} ({formatInt(lang, h.uncoveredHours)} {t('unitHours')})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {idle.length > FIRST && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAllPeople', { n: idle.length })}
        </button>
      )}
    </>
  );
};
