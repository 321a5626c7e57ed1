// Common misconceptions: how often each authored mistake matched a learner's answer, by exercise.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';
import { uniqueLabels } from './dashboard-data.ts';
import { PlotFigure } from './plot-figure.tsx';
import { charactersThatFit, countTicks, labelMargin, truncateLabel } from './axis-labels.ts';

export function MisconceptionsChart({ misconceptions }: { misconceptions: ApiDashboard['misconceptions'] }) {
  const { t } = useTranslation('teacher');
  const rows = useMemo(() => {
    const top = [...misconceptions].sort((left, right) => right.count - left.count).slice(0, 15);
    const labels = uniqueLabels(top.map((row) => truncateLabel(`${row.exercise}: ${row.misconception}`, 60)));
    return top.map((row, index) => ({ ...row, label: labels[index] ?? row.misconception }));
  }, [misconceptions]);

  const draw = useCallback(
    (width: number) => {
      const labels = rows.map((row) => row.label);
      const marginLeft = labelMargin(labels, width, 0.5);
      const room = charactersThatFit(marginLeft - 14);
      return Plot.plot({
        width,
        height: rows.length * 30 + 60,
        marginLeft,
        y: { domain: labels, label: null, tickFormat: (label: string) => truncateLabel(label, room) },
        x: { label: t('dashboard.misconceptions.axis'), grid: true, ticks: countTicks(Math.max(0, ...rows.map((row) => row.count))), tickFormat: 'd' },
        marks: [
          Plot.barX(rows, { y: 'label', x: 'count', fill: '#7c3aed', title: (row: { misconception: string; count: number; learners: number }) => `${row.misconception}: ${row.count} (${t('dashboard.learnersCount', { count: row.learners })})` }),
          Plot.ruleX([0]),
        ],
      });
    },
    [rows, t],
  );

  if (misconceptions.length === 0) return <p className="teacher-empty">{t('dashboard.misconceptions.empty')}</p>;
  return (
    <PlotFigure
      draw={draw}
      summary={t('dashboard.misconceptions.summary', { misconception: rows[0]?.misconception ?? '', count: rows[0]?.count ?? 0 })}
      fallback={
        <table className="teacher-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.exercise')}</th>
              <th scope="col">{t('dashboard.misconceptions.misconception')}</th>
              <th scope="col">{t('dashboard.misconceptions.times')}</th>
              <th scope="col">{t('dashboard.learners')}</th>
            </tr>
          </thead>
          <tbody>
            {misconceptions.map((row) => (
              <tr key={`${row.exercise}-${row.misconception}`}>
                <td>{row.exercise}</td>
                <th scope="row">{row.misconception}</th>
                <td>{row.count}</td>
                <td>{row.learners}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
