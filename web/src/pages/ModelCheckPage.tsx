/**
 * Model check: does the load the norms give agree with what happened? Per center and month, the
 * modelled load next to the outcomes (on time, late, pending and its change), the months where they
 * disagree in words, a chart of load against lateness, and the calibrated norms with their evidence
 * and the capacity factors. Official and calibrated norms are both fetched so each figure can show
 * the other beside it.
 */
import { useMemo, useState } from 'react';
import type { NormsChoice } from '../../../solver/workload/calibrationTypes.ts';
import type { CheckVerdict, ModelCheck, ModelCheckRow } from '../../../solver/workload/modelCheck.ts';
import { api } from '../api.ts';
import { LOAD_AXIS_MAX, LoadLateChart, VERDICT_COLORS, type LoadLatePoint } from '../charts/LoadLateChart.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { Kpi } from '../components/Kpi.tsx';
import { NormsLine } from '../components/NormsLine.tsx';
import { NormsSwitch, useNormsChoice } from '../components/NormsSwitch.tsx';
import { formatInt, formatMonth, formatNumber, formatPercent } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { calibrationWarningText, checkVerdictText } from '../messages/checkVerdictText.ts';
import { useReference } from '../reference.ts';
import { hrefOf } from '../route.ts';
import { useAsync } from '../useAsync.ts';

/** Rows drawn in the table at most (the chart shows every judged month). */
const TABLE_ROWS = 200;

const VERDICT_KEYS: Readonly<Record<Exclude<CheckVerdict, 'not_judged'>, MessageKey>> = {
  overloaded_unseen: 'mcVerdictOverloadedUnseen',
  late_unexplained: 'mcVerdictLateUnexplained',
  overloaded: 'mcVerdictOverloaded',
  overtime: 'mcVerdictOvertime',
  consistent: 'mcVerdictConsistent',
};

const isFlagged = (r: ModelCheckRow): boolean => r.verdict === 'overloaded_unseen' || r.verdict === 'late_unexplained';

export const ModelCheckPage = () => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const [norms, setNorms] = useNormsChoice();
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const checks = useAsync(async () => {
    const [official, calibrated] = await Promise.all([api.modelCheck('official'), api.modelCheck('calibrated')]);
    return { official, calibrated } as Readonly<Record<NormsChoice, ModelCheck>>;
  }, []);
  const check = checks.data?.[norms];
  const other = checks.data?.[norms === 'official' ? 'calibrated' : 'official'];
  const otherLabel = norms === 'official' ? t('normsCalibrated') : t('normsOfficial');
  const nameOf = (code: string) => ref.centerByCode.get(code)?.nameVi ?? code;
  const points = useMemo((): LoadLatePoint[] =>
    (check?.rows ?? [])
      .filter((r) => r.load !== null && r.lateShare !== null)
      .map((r) => ({
        key: `${r.centerCode}-${r.month}`,
        load: r.load as number,
        lateShare: r.lateShare as number,
        verdict: r.verdict,
        label: `${nameOf(r.centerCode)} ${formatMonth(r.month)}: ${formatPercent(lang, r.load)}, ${t('mcLate').toLowerCase()} ${formatPercent(lang, r.lateShare, 1)}`,
      })),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  [check, lang]);
  const listed = useMemo(() => {
    const rows = (check?.rows ?? []).filter((r) => r.verdict !== 'not_judged' && (!flaggedOnly || isFlagged(r)));
    return [...rows].sort((a, b) => (b.load ?? 0) - (a.load ?? 0));
  }, [check, flaggedOnly]);
  const fieldName = (id: string) => {
    const f = ref.fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  const calibration = check?.calibration;
  return (
    <section className="screen model-check" aria-labelledby="check-title">
      <div className="screen-head">
        <h1 id="check-title">{t('navModelCheck')}</h1>
        <div className="controls-row">
          <NormsSwitch value={norms} onChange={setNorms} />
        </div>
      </div>
      <ErrorNote error={checks.error} onRetry={checks.reload} />
      {checks.loading && !check && <Loading />}
      {check && <NormsLine norms={check.norms} link={false} />}
      <p className="help">{t('mcIntro')}</p>
      {check && !check.possible && <p className="note-bad" role="status">{t('mcNotPossible')}</p>}
      {check && check.possible && (
        <>
          <div className="kpis">
            <Kpi label={t('mcJudged')} value={formatInt(lang, check.summary.judged)} hint={`${check.from}..${check.to}`} />
            <Kpi
              label={t('mcFlagged')}
              value={formatInt(lang, check.summary.flagged)}
              tone={check.summary.flagged > 0 ? 'bad' : 'good'}
              before={other ? `${otherLabel}: ${formatInt(lang, other.summary.flagged)}` : undefined}
            />
            <Kpi label={t('mcUnseen')} value={formatInt(lang, check.summary.verdicts.overloaded_unseen)} before={other ? `${otherLabel}: ${formatInt(lang, other.summary.verdicts.overloaded_unseen)}` : undefined} />
            <Kpi label={t('mcLowLate')} value={formatInt(lang, check.summary.verdicts.late_unexplained)} before={other ? `${otherLabel}: ${formatInt(lang, other.summary.verdicts.late_unexplained)}` : undefined} />
            <Kpi
              label={t('mcCorrelation')}
              value={check.summary.loadLateCorrelation === null ? '–' : formatNumber(lang, check.summary.loadLateCorrelation, 2)}
              hint={t('mcCorrelationHelp')}
              before={other?.summary.loadLateCorrelation != null ? `${otherLabel}: ${formatNumber(lang, other.summary.loadLateCorrelation, 2)}` : undefined}
            />
          </div>
          <div className="panel">
            <h2>{t('mcChartTitle')}</h2>
            <p className="help">{t('mcChartHelp', { max: formatPercent(lang, LOAD_AXIS_MAX) })}</p>
            <LoadLateChart points={points} title={t('mcChartTitle')} />
            <div className="chart-legend">
              {(Object.keys(VERDICT_KEYS) as Exclude<CheckVerdict, 'not_judged'>[]).map((v) => (
                <span key={v}>
                  <svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4" fill={VERDICT_COLORS[v]} /></svg> {t(VERDICT_KEYS[v])} ({formatInt(lang, check.summary.verdicts[v])})
                </span>
              ))}
            </div>
          </div>
          <div className="panel">
            <div className="panel-head">
              <h2>{flaggedOnly ? t('mcShowFlagged') : t('mcShowJudged')}</h2>
              <div className="controls-row" role="group" aria-label={t('mcVerdict')}>
                <label className="check">
                  <input type="radio" name="check-rows" checked={flaggedOnly} onChange={() => setFlaggedOnly(true)} />
                  {t('mcShowFlagged')}
                </label>
                <label className="check">
                  <input type="radio" name="check-rows" checked={!flaggedOnly} onChange={() => setFlaggedOnly(false)} />
                  {t('mcShowJudged')}
                </label>
              </div>
            </div>
            <p className="help">{t('mcRowsShown', { shown: formatInt(lang, Math.min(TABLE_ROWS, listed.length)), total: formatInt(lang, listed.length) })}</p>
            <div className="table-scroll">
              <table className="table compact check-table">
                <thead>
                  <tr>
                    <th scope="col">{t('center')}</th>
                    <th scope="col">{t('mcMonth')}</th>
                    <th scope="col" className="num">{t('dossiers')}</th>
                    <th scope="col" className="num">{t('mcLoad')}</th>
                    <th scope="col" className="num">{t('mcOnTime')}</th>
                    <th scope="col" className="num">{t('mcLate')}</th>
                    <th scope="col" className="num">{t('mcPending')}</th>
                    <th scope="col">{t('mcVerdict')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.slice(0, TABLE_ROWS).map((r) => (
                    <tr key={`${r.centerCode}-${r.month}`} className={isFlagged(r) ? 'flagged' : undefined}>
                      <td><a href={hrefOf('center', r.centerCode)}>{nameOf(r.centerCode)}</a></td>
                      <td>{formatMonth(r.month)}</td>
                      <td className="num" data-label={t('dossiers')}>{formatInt(lang, r.received)}</td>
                      <td className="num" data-label={t('mcLoad')}>{formatPercent(lang, r.load)}</td>
                      <td className="num" data-label={t('mcOnTime')}>{formatPercent(lang, r.onTimeShare, 1)}</td>
                      <td className="num" data-label={t('mcLate')}>{formatPercent(lang, r.lateShare, 1)}</td>
                      <td className="num" data-label={t('mcPending')}>
                        {formatPercent(lang, r.pendingShare, 1)}
                        {r.pendingShareChange !== null && <span className="sub"> ({r.pendingShareChange >= 0 ? '+' : ''}{formatNumber(lang, r.pendingShareChange * 100, 1)})</span>}
                      </td>
                      <td>{checkVerdictText(lang, r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
      {calibration?.ok === true && (
        <div className="panel">
          <h2>{t('mcCalibration')}</h2>
          <p className="help">
            {t('mcFitted', {
              from: calibration.from, to: calibration.to,
              backlog: formatInt(lang, calibration.months.backlog), late: formatInt(lang, calibration.months.late), calm: formatInt(lang, calibration.months.calm),
              seconds: formatNumber(lang, calibration.solver.seconds, 2),
            })}
          </p>
          <div className="table-scroll">
            <table className="table compact calibration-table">
              <thead>
                <tr>
                  <th scope="col">{t('field')}</th>
                  <th scope="col" className="num">{t('normsOfficial')}</th>
                  <th scope="col" className="num">{t('normsCalibrated')}</th>
                  <th scope="col" className="num">{t('mcChangeCol')}</th>
                  <th scope="col" className="num" title={t('mcEvidenceHelp')}>{t('mcEvidence')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {calibration.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{fieldName(f.field)}</th>
                    <td className="num">{formatNumber(lang, f.officialDirect, 1)} / {formatNumber(lang, f.officialOnline, 1)}</td>
                    <td className="num">{formatNumber(lang, f.calibratedDirect, 1)} / {formatNumber(lang, f.calibratedOnline, 1)}</td>
                    <td className="num">{f.deviation >= 0 ? '+' : ''}{formatPercent(lang, f.deviation)}</td>
                    <td className="num">{formatPercent(lang, f.evidence)}</td>
                    <td className="sub">{[f.evidence < 0.03 ? t('mcWeak') : '', f.atBound.length > 0 ? t('mcAtBound') : ''].filter(Boolean).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="help">{t('mcPerDossier')}. {t('mcEvidenceHelp')}</p>
          <h3>{t('mcCapacity')}</h3>
          <p className="help">{t('mcCapacityHelp')}</p>
          <ul className="capacity-list">
            {calibration.centers.filter((c) => c.capacityFactor > 1.005).sort((a, b) => b.capacityFactor - a.capacityFactor).map((c) => (
              <li key={c.centerCode}>
                <a href={hrefOf('center', c.centerCode)}>{nameOf(c.centerCode)}</a>: <b>{formatNumber(lang, c.capacityFactor, 2)}</b>{' '}
                <span className="sub">{t('mcCapacityMonths', { backlog: c.backlogMonths, calm: c.calmMonths })}</span>
              </li>
            ))}
          </ul>
          {calibration.warnings.length > 0 && (
            <>
              <h3>{t('mcWarnings')}</h3>
              <ul>{calibration.warnings.map((w) => <li key={`${w.code}-${JSON.stringify(w.params)}`}>{calibrationWarningText(lang, w)}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </section>
  );
};
