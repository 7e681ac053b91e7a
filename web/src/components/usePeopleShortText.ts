/** "Phường Phù Liễn cần thêm 21 người, trong đó 8 đất đai, 3 hộ tịch", from the workload (workloadPeople.ts). */
import type { CenterWorkload } from '../../../solver/workload/workloadTypes.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { centerPeopleShort } from '../workloadPeople.ts';

/** The sentence for one center; null when it lacks nobody. `name` starts it; '' gives "cần thêm 21 người, …" for a row already named. */
export const usePeopleShortText = (): ((name: string, center: CenterWorkload, hoursPerFte: number) => string | null) => {
  const { lang, t } = useI18n();
  const { fieldById } = useReference();
  return (name, center, hoursPerFte) => {
    const short = centerPeopleShort(center, hoursPerFte);
    if (!short) return null;
    const fieldName = (id: string) => {
      const f = fieldById.get(id);
      const words = f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
      return words.charAt(0).toLowerCase() + words.slice(1);
    };
    const parts = short.fields.map((f) => `${f.people} ${fieldName(f.field)}`).join(', ');
    return `${t('needsPeople', { center: name, n: short.people }).trim()}${parts === '' ? '' : t('needsPeopleOf', { parts })}.`;
  };
};
