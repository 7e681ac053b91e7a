/**
 * The line every screen shows about the norms behind its figures ("workload by calibrated norms,
 * fitted on 2025-07..2026-10"), with a link to the model check. A plan stored before the norms
 * lever (no `norms`) used the official norms.
 */
import type { NormsUsed } from '../../../solver/workload/calibrationTypes.ts';
import { useI18n } from '../i18n.ts';
import { hrefOf } from '../route.ts';

export const normsLineText = (t: ReturnType<typeof useI18n>['t'], norms: NormsUsed | undefined): string =>
  norms === undefined || (norms.used === 'official' && norms.fallback === null)
    ? t('normsLineOfficial')
    : norms.used === 'official'
      ? t('normsLineFallback')
      : t('normsLineCalibrated', { from: norms.fittedFrom ?? '?', to: norms.fittedTo ?? '?' });

export const NormsLine = ({ norms, link = true }: { readonly norms: NormsUsed | undefined; readonly link?: boolean }) => {
  const { t } = useI18n();
  return (
    <p className="norms-line" data-norms={norms?.used ?? 'official'}>
      {normsLineText(t, norms)}
      {link && (
        <>
          {' '}
          <a href={hrefOf('check')}>{t('normsSeeCheck')}</a>
        </>
      )}
    </p>
  );
};
