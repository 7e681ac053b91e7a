/**
 * The choice between official and calibrated norms on the screens that show a workload (overview,
 * model check); remembered in the browser so every screen shows the same until changed. A
 * scenario carries its own choice (the lever `norms`, in the planner).
 */
import { useCallback, useState } from 'react';
import type { NormsChoice } from '../../../solver/workload/calibrationTypes.ts';
import { useI18n } from '../i18n.ts';

const KEY = 'norms';

const stored = (): NormsChoice => (localStorage.getItem(KEY) === 'calibrated' ? 'calibrated' : 'official');

export const useNormsChoice = (): readonly [NormsChoice, (next: NormsChoice) => void] => {
  const [norms, setNorms] = useState<NormsChoice>(stored);
  const set = useCallback((next: NormsChoice) => {
    localStorage.setItem(KEY, next);
    setNorms(next);
  }, []);
  return [norms, set];
};

export const NormsSwitch = ({ value, onChange, id = 'norms-switch' }: { readonly value: NormsChoice; readonly onChange: (next: NormsChoice) => void; readonly id?: string }) => {
  const { t } = useI18n();
  return (
    <label htmlFor={id} title={t('normsHelp')}>
      {t('norms')}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === 'calibrated' ? 'calibrated' : 'official')}>
        <option value="official">{t('normsOfficial')}</option>
        <option value="calibrated">{t('normsCalibrated')}</option>
      </select>
    </label>
  );
};
