/**
 * The plan's moves: who, from where to where, how far from home, the hours each field gains at the
 * destination and loses at the origin (the move's own ledger steps), and the reason: the server's
 * sentence in the planner's language, the one the memo and the workbook carry. Nothing here is
 * recomputed: every figure is a field of the move (PlanResult.outcome.moves[]).
 */
import type { MoveReason, MoveSide } from '../../../solver/plan/planResult.ts';
import { formatChange, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';

const FieldChanges = ({ side, className }: { readonly side: MoveSide; readonly className: string }) => {
  const { lang, t } = useI18n();
  const { fieldById } = useReference();
  if (side.fields.length === 0) return <p className={`${className} none`}>{t('noChange')}</p>;
  const name = (id: string) => {
    const f = fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  return (
    <ul className={className}>
      {side.fields.map((f) => (
        <li key={f.field} className={f.change < 0 ? 'loss' : 'gain'}>
          {`${name(f.field)} ${formatChange(lang, f.change)} ${t('unitHours')}`}
        </li>
      ))}
    </ul>
  );
};

export const MovesTable = ({ moves }: { readonly moves: readonly MoveReason[] }) => {
  const { lang, t } = useI18n();
  const { centerByCode, fieldById } = useReference();
  const centerName = (code: string) => centerByCode.get(code)?.nameVi ?? code;
  const fieldName = (id: string) => {
    const f = fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  if (moves.length === 0) return <p className="help">{t('noMoves')}</p>;
  return (
    <table className="table moves stack" aria-label={t('moves')}>
      <thead>
        <tr>
          <th scope="col">{t('name')}</th>
          <th scope="col">
            {t('from')} → {t('to')}
          </th>
          <th scope="col" className="num">
            {t('distance')}
          </th>
          <th scope="col">{t('fieldChanges')}</th>
          <th scope="col">{t('reason')}</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((m) => (
          <tr key={m.staffId}>
            <td>
              <span className="person">{m.name || m.staffId}</span>
              <div className="sub mono">{m.staffId}</div>
            </td>
            <td data-label={`${t('from')} → ${t('to')}`}>
              {centerName(m.from)} → <strong>{centerName(m.to)}</strong>
              <div>
                {m.expertise.map((f) => (
                  <span key={f} className="chip">
                    {fieldName(f)}
                  </span>
                ))}
              </div>
            </td>
            <td data-label={t('distance')} className="num">
              {formatNumber(lang, m.homeKm)} {t('unitKm')}
              {m.addedCommuteKm > 0 && <div className="sub">{`${formatChange(lang, m.addedCommuteKm)} ${t('unitKm')}`}</div>}
            </td>
            <td data-label={t('fieldChanges')} className="changes">
              <span className="side-label">{t('atDestination')}</span>
              <FieldChanges side={m.atDestination} className="at-destination" />
              <span className="side-label">{t('atOrigin')}</span>
              <FieldChanges side={m.atOrigin} className="at-origin" />
            </td>
            <td data-label={t('reason')} className="reason">
              {m.sentence[lang]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
