/** The instant estimate for one center, recomputed in the browser on every lever change. */
import { useId, useMemo, useState } from 'react';
import { api } from '../api.ts';
import { estimateCenter } from '../estimate.ts';
import { formatInt, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import type { ScenarioLevers } from '../scenario.ts';
import { useAsync } from '../useAsync.ts';
import { ErrorNote } from './ErrorNote.tsx';

const NEUTRAL = { demandMultiplierByField: {}, demandMultiplierByCenter: {}, onlineShareShift: 0, normMultiplierByField: {} };

export const EstimatePanel = ({ levers }: { readonly levers: ScenarioLevers }) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const id = useId();
  const workload = useAsync(() => api.workload(levers.period, levers.quantile), [levers.period, levers.quantile]);
  const busiest = useMemo(
    () => [...(workload.data?.centers ?? [])].sort((a, b) => (b.utilization ?? 0) - (a.utilization ?? 0))[0]?.centerCode,
    [workload.data],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const center = chosen ?? busiest ?? ref.centers[0]?.code ?? '';
  const staff = useAsync(() => api.staff(center), [center]);
  const result = useMemo(() => {
    const w = workload.data;
    if (!w || !staff.data) return undefined;
    try {
      return {
        ok: true as const,
        before: estimateCenter(center, w.fields, ref.fields, staff.data, w.hoursPerFte, NEUTRAL),
        after: estimateCenter(center, w.fields, ref.fields, staff.data, w.hoursPerFte, levers),
      };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [workload.data, staff.data, center, ref.fields, levers]);
  const sorted = useMemo(() => [...ref.centers].sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')), [ref.centers]);
  const fieldName = (fid: string) => {
    const f = ref.fieldById.get(fid);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : fid;
  };
  return (
    <div className="panel estimate">
      <h2>{t('estimate')}</h2>
      <p className="help">{t('estimateHelp')}</p>
      <label htmlFor={`${id}-c`}>
        {t('center')}
        <select id={`${id}-c`} value={center} onChange={(e) => setChosen(e.target.value)}>
          {sorted.map((c) => (
            <option key={c.code} value={c.code}>
              {c.nameVi}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={workload.error} onRetry={workload.reload} />
      <ErrorNote error={staff.error} onRetry={staff.reload} />
      {result && !result.ok && <ErrorNote error={result.error} />}
      {result?.ok && (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="num">{t('before')}</th>
              <th scope="col" className="num">{t('withLevers')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('requiredHours')}</th>
              <td className="num">{formatInt(lang, result.before.requiredHours)}</td>
              <td className="num">{formatInt(lang, result.after.requiredHours)}</td>
            </tr>
            <tr>
              <th scope="row">{t('utilization')}</th>
              <td className="num">{formatPercent(lang, result.before.utilization)}</td>
              <td className="num">{formatPercent(lang, result.after.utilization)}</td>
            </tr>
            <tr>
              <th scope="row">{t('uncoveredHours')}</th>
              <td className="num">{formatInt(lang, result.before.uncoveredHours)}</td>
              <td className="num">{formatInt(lang, result.after.uncoveredHours)}</td>
            </tr>
            {result.after.fields
              .filter((f) => f.uncoveredHours >= 1)
              .sort((a, b) => b.uncoveredHours - a.uncoveredHours)
              .slice(0, 4)
              .map((f) => (
                <tr key={f.field} className="sub-row">
                  <td>· {fieldName(f.field)}</td>
                  <td className="num">{formatInt(lang, result.before.fields.find((b) => b.field === f.field)?.uncoveredHours ?? 0)}</td>
                  <td className="num">{formatInt(lang, f.uncoveredHours)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
