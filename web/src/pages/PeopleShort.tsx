/**
 * People, not only hours: the FTE short in each field before and after the plan (the city figures'
 * fteShortByField), and the centers short of people before it, each with the server's sentence
 * ("Phù Liễn cần thêm 18 người, trong đó 8 đất đai") and its FTE short before and after.
 */
import { useState } from 'react';
import type { PlanOutcome } from '../../../solver/plan/planResult.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { hrefOf } from '../route.ts';

/** Centers listed before "show all". */
const FIRST = 8;

export const PeopleShort = ({ outcome }: { readonly outcome: PlanOutcome }) => {
  const { lang, t } = useI18n();
  const { fields } = useReference();
  const [all, setAll] = useState(false);
  const short = [...outcome.centers].filter((c) => c.shortSentence !== null).sort((a, b) => b.fteShortBefore - a.fteShortBefore);
  const shown = all ? short : short.slice(0, FIRST);
  const byField = fields
    .map((f) => ({ f, before: outcome.before.fteShortByField[f.field] ?? 0, after: outcome.after.fteShortByField[f.field] ?? 0 }))
    .filter((r) => r.before >= 0.05 || r.after >= 0.05)
    .sort((a, b) => b.before - a.before);
  return (
    <div className="two-col">
      <div className="panel">
        <h2>{t('shortCenters')}</h2>
        {short.length === 0 ? (
          <p className="help">{t('none')}</p>
        ) : (
          <table className="table compact stack" aria-label={t('shortCenters')}>
            <thead>
              <tr>
                <th scope="col">{t('center')}</th>
                <th scope="col" className="num">
                  {t('fteShort')}
                </th>
                <th scope="col" className="num">
                  {t('utilization')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.centerCode}>
                  <td>
                    <a href={hrefOf('center', c.centerCode)}>{c.name}</a>
                    <div className="sub">{c.shortSentence?.[lang]}</div>
                  </td>
                  <td data-label={t('fteShort')} className="num">
                    {formatNumber(lang, c.fteShortBefore)} → {formatNumber(lang, c.fteShortAfter)}
                  </td>
                  <td data-label={t('utilization')} className="num">
                    {formatPercent(lang, c.utilizationBefore)} → {formatPercent(lang, c.utilizationAfter)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {short.length > FIRST && (
          <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('showFewer') : t('showAllCenters', { n: short.length })}
          </button>
        )}
      </div>
      <div className="panel">
        <h2>{t('shortByField')}</h2>
        {byField.length === 0 ? (
          <p className="help">{t('none')}</p>
        ) : (
          <table className="table compact" aria-label={t('shortByField')}>
            <thead>
              <tr>
                <th scope="col">{t('field')}</th>
                <th scope="col" className="num">
                  {t('before')}
                </th>
                <th scope="col" className="num">
                  {t('after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byField.map(({ f, before, after }) => (
                <tr key={f.field}>
                  <th scope="row">{lang === 'vi' ? f.nameVi : f.nameEn}</th>
                  <td className="num">{formatNumber(lang, before)}</td>
                  <td className="num">{formatNumber(lang, after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
};
