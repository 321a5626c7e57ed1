// Model cost by day, stacked by task and tier, with totals per task and tier as the table.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';
import { costSeries, costTotals } from './dashboard-data.ts';
import { PlotFigure } from './plot-figure.tsx';

export function CostChart({ cost }: { cost: ApiDashboard['cost'] }) {
  const { t, i18n } = useTranslation('teacher');
  const series = useMemo(() => costSeries(cost), [cost]);
  const totals = useMemo(() => costTotals(cost), [cost]);
  const dollars = useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 }), [i18n.language]);
  const count = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const total = totals.reduce((sum, row) => sum + row.costUsd, 0);
  const calls = totals.reduce((sum, row) => sum + row.calls, 0);
  // Local models cost nothing; then the chart shows calls, which is still where the work went.
  const measure: 'costUsd' | 'calls' = total > 0 ? 'costUsd' : 'calls';

  const dayLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return (day: string) => {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? day : format.format(date);
    };
  }, [i18n.language]);
  const days = useMemo(() => new Set(series.map((row) => row.day)).size, [series]);

  const draw = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: 280,
        marginLeft: 56,
        // Day labels turn when there are more days than fit side by side.
        marginBottom: days * 56 > width - 56 ? 56 : 30,
        x: { type: 'band', label: null, tickFormat: dayLabel, tickRotate: days * 56 > width - 56 ? -40 : 0 },
        y: { label: measure === 'costUsd' ? t('dashboard.cost.axisUsd') : t('dashboard.cost.axisCalls'), grid: true },
        color: { legend: true, scheme: 'tableau10' },
        marks: [
          Plot.barY(series, {
            x: 'day',
            y: measure,
            fill: 'series',
            title: (row: { day: string; series: string; costUsd: number; calls: number }) => `${row.day} · ${row.series}: ${dollars.format(row.costUsd)}, ${t('dashboard.cost.callsCount', { count: row.calls })}`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    [series, measure, dollars, dayLabel, days, t],
  );

  if (cost.length === 0) return <p className="teacher-empty">{t('dashboard.cost.empty')}</p>;
  return (
    <PlotFigure
      draw={draw}
      summary={t(measure === 'costUsd' ? 'dashboard.cost.summary' : 'dashboard.cost.summaryFree', { total: dollars.format(total), calls: count.format(calls) })}
      fallback={
        <table className="teacher-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.cost.task')}</th>
              <th scope="col">{t('dashboard.cost.tier')}</th>
              <th scope="col">{t('dashboard.cost.calls')}</th>
              <th scope="col">{t('dashboard.cost.tokens')}</th>
              <th scope="col">{t('dashboard.cost.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((row) => (
              <tr key={`${row.task}-${row.tier}`}>
                <th scope="row">{row.task}</th>
                <td>{row.tier}</td>
                <td>{count.format(row.calls)}</td>
                <td>
                  {count.format(row.inputTokens)} / {count.format(row.outputTokens)}
                </td>
                <td>{dollars.format(row.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
