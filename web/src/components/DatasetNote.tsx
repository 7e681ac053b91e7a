/**
 * A plan computed on another dataset version than the active one says so: its figures are those of
 * the data it was solved on, not of the data the other screens show.
 */
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';

/** `label` names the plan when several are shown together (Compare). */
export const DatasetNote = ({ planVersion, label }: { readonly planVersion: number; readonly label?: string | undefined }) => {
  const { t } = useI18n();
  const active = useReference().datasetVersion;
  if (active === undefined || active === planVersion) return null;
  return (
    <p className="dataset-note" role="note">
      {label !== undefined && <strong>{label}: </strong>}
      {t('otherDataset', { plan: planVersion, active })}
    </p>
  );
};
