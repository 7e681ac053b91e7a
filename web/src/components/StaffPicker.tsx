/**
 * Search and pick civil servants by name or id (the locked-people lever): a combobox over the staff
 * list (GET /api/staff) in the WAI-ARIA pattern (listbox popup, aria-activedescendant), the chosen
 * as chips. People who share a name are told apart by id, center and expertise. Keyboard: type to
 * search, Down/Up to move, Enter to pick (never submitting the form), Escape to close, Backspace in
 * the empty box to drop the last chip; each chip has its own remove button.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { CivilServant } from '../../../solver/domain.ts';
import { useI18n } from '../i18n.ts';

export interface StaffPickerProps {
  /** The input's label (the lever's name); also names the list of chips. */
  readonly label: string;
  /** The active dataset's civil servants; undefined while loading. */
  readonly staff: readonly CivilServant[] | undefined;
  readonly chosen: readonly string[];
  readonly onChange: (ids: readonly string[]) => void;
  readonly centerName: (code: string) => string;
  readonly fieldName: (id: string) => string;
  /** Id of the element that describes a problem with the choice (the lever's error), if any. */
  readonly describedBy?: string | undefined;
}

/** Options listed at most: enough to tell a shared name apart, short enough to read. */
const MAX_OPTIONS = 8;

/** Lower case without diacritics (đ as d), so "le minh duc" finds "Lê Minh Đức". */
export const searchKey = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

/** The people whose name or id contains every word of `query`, in the staff list's order. */
export const matchStaff = (staff: readonly CivilServant[], query: string, exclude: ReadonlySet<string>): CivilServant[] => {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return staff.filter((p) => {
    if (exclude.has(p.staffId)) return false;
    const key = searchKey(`${p.name} ${p.staffId}`);
    return words.every((w) => key.includes(w));
  });
};

export const StaffPicker = ({ label, staff, chosen, onChange, centerName, fieldName, describedBy }: StaffPickerProps) => {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** The option the arrows point at; -1: none yet (typing opens the list without choosing). */
  const [active, setActive] = useState(-1);
  const byId = useMemo(() => new Map((staff ?? []).map((p) => [p.staffId, p])), [staff]);
  const matches = useMemo(() => matchStaff(staff ?? [], query, new Set(chosen)), [staff, query, chosen]);
  const options = matches.slice(0, MAX_OPTIONS);
  const expanded = open && options.length > 0;
  const optionId = (p: CivilServant) => `${id}-option-${p.staffId}`;
  const pick = (p: CivilServant | undefined) => {
    if (!p) return;
    onChange([...chosen, p.staffId]);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : options.length - 1) : (a + step + options.length) % options.length));
    } else if (e.key === 'Enter') {
      // Enter picks; it never submits the levers' form (that would start a solve).
      e.preventDefault();
      // With one match left, Enter takes it without an arrow press.
      if (expanded) pick(options[active] ?? (options.length === 1 ? options[0] : undefined));
    } else if (e.key === 'Escape') {
      if (expanded) e.preventDefault();
      setOpen(false);
    } else if (e.key === 'Backspace' && query === '' && chosen.length > 0) {
      onChange(chosen.slice(0, -1));
    }
  };
  const detail = (p: CivilServant) => `${p.staffId} · ${centerName(p.centerCode)} · ${p.fields.map(fieldName).join(', ')}`;
  const status =
    staff === undefined ? t('lockedLoading') : query.trim() === '' ? '' : options.length === 0 ? t('lockedNoMatch') : t('lockedMatches', { n: matches.length });
  return (
    <div className="staff-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      {chosen.length > 0 ? (
        <ul className="chips" aria-label={label}>
          {chosen.map((staffId) => {
            const p = byId.get(staffId);
            const name = p?.name ?? staffId;
            return (
              <li key={staffId} className="chip picked">
                <span>{p ? `${p.name} · ${p.staffId} · ${centerName(p.centerCode)}` : staffId}</span>
                <button type="button" aria-label={t('lockedRemove', { name, id: staffId })} onClick={() => onChange(chosen.filter((x) => x !== staffId))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="help">{t('lockedNone')}</p>
      )}
      <div className="combo">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 && options[active] ? optionId(options[active]) : undefined}
          aria-describedby={[`${id}-status`, describedBy].filter(Boolean).join(' ')}
          placeholder={t('lockedSearch')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {expanded && (
          <ul id={`${id}-list`} role="listbox" aria-label={label} className="combo-list">
            {options.map((p, i) => (
              <li
                key={p.staffId}
                id={optionId(p)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                // mousedown, not click: the input's blur (which closes the list) comes before a click.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(p);
                }}
              >
                <span className="person">{p.name}</span>
                <span className="sub">{detail(p)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={`${id}-status`} className="sr-only" aria-live="polite">
        {status}
      </p>
    </div>
  );
};
