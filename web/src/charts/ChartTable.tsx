/**
 * A chart's text alternative: the figures it draws, as a table folded under the chart in a
 * <details> ("Số liệu của biểu đồ (bảng)"), for a screen reader and for anyone who needs the exact
 * values the picture only suggests. The first column holds each row's header.
 */
import { useI18n } from '../i18n.ts';

export interface ChartTableProps {
  /** The table's caption: the chart's title. */
  readonly caption: string;
  /** Column headings, the rows' header column first. */
  readonly columns: readonly string[];
  /** One row per mark of the chart, its header first, as the chart writes its values. */
  readonly rows: readonly (readonly string[])[];
}

export const ChartTable = ({ caption, columns, rows }: ChartTableProps) => {
  const { t } = useI18n();
  return (
    <details className="chart-table">
      <summary>{t('chartTableShow')}</summary>
      <table className="table compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
};
