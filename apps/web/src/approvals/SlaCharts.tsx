import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/i18n';

export interface PersonBar {
  name: string;
  onTime: number;
  late: number;
  open: number;
}

export interface UnitBar {
  name: string;
  rate: number;
}

/** Completed on time, late, and still open, per person: stacked bars. */
export function PersonChart({ rows }: { rows: PersonBar[] }) {
  const { t } = useI18n();
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 36 + 60)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="onTime" stackId="a" name={t('sla.onTime')} fill="#2f9e44" />
        <Bar dataKey="late" stackId="a" name={t('sla.late')} fill="#e8590c" />
        <Bar dataKey="open" stackId="a" name={t('sla.open')} fill="#868e96" />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** On-time rate per sub-unit, in percent. */
export function UnitChart({ rows }: { rows: UnitBar[] }) {
  const { t } = useI18n();
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 40 + 50)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} unit="%" />
        <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(value) => `${value}%`} />
        <Bar dataKey="rate" name={t('sla.onTimeRate')} fill="#c92a2a" />
      </BarChart>
    </ResponsiveContainer>
  );
}
