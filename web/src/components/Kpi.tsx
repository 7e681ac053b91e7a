/** One key figure: a label, a value, and optionally the value before (the plan's "before"). */
export interface KpiProps {
  readonly label: string;
  readonly value: string;
  readonly before?: string | undefined;
  readonly tone?: 'bad' | 'good' | undefined;
  readonly hint?: string | undefined;
}

export const Kpi = ({ label, value, before, tone, hint }: KpiProps) => (
  <div className={`kpi${tone ? ` kpi-${tone}` : ''}`} title={hint}>
    <div className="kpi-label">{label}</div>
    <div className="kpi-value">{value}</div>
    {before !== undefined && <div className="kpi-before">{before}</div>}
  </div>
);
