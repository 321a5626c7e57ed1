// Where learners get stuck: exercises by failed attempts, answers the checker could not read and hints taken, worst first.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';
import { stuckBars, stuckScore } from './dashboard-data.ts';
import { PlotFigure } from './plot-figure.tsx';
import { charactersThatFit, countTicks, labelMargin, truncateLabel } from './axis-labels.ts';

export function StuckChart({ stuck }: { stuck: ApiDashboard['stuck'] }) {
  const { t } = useTranslation('teacher');
  const bars = useMemo(() => stuckBars(stuck), [stuck]);
  const exercises = useMemo(() => [...new Set(bars.map((bar) => bar.exercise))], [bars]);
  const kindLabel = useCallback((kind: string) => t(`dashboard.stuck.${kind === 'hints' ? 'hints' : kind === 'unreadable' ? 'unreadable' : 'failedAttempts'}`), [t]);

  const draw = useCallback(
    (width: number) => {
      const marginLeft = labelMargin(exercises, width);
      const room = charactersThatFit(marginLeft - 14);
      const longest = Math.max(0, ...exercises.map((exercise) => bars.reduce((sum, bar) => sum + (bar.exercise === exercise ? bar.count : 0), 0))); // the bars stack
      return Plot.plot({
        width,
        height: exercises.length * 30 + 70,
        marginLeft,
        y: { domain: exercises, label: null, tickFormat: (exercise: string) => truncateLabel(exercise, room) },
        x: { label: t('dashboard.stuck.axis'), grid: true, ticks: countTicks(longest), tickFormat: 'd' },
        color: { domain: [kindLabel('failedAttempts'), kindLabel('unreadable'), kindLabel('hints')], range: ['#c2410c', '#7c3aed', '#f59e0b'], legend: true },
        marks: [
          Plot.barX(bars, {
            y: 'exercise',
            x: 'count',
            fill: (bar: { kind: string }) => kindLabel(bar.kind),
            title: (bar: { exercise: string; kind: string; count: number }) => `${bar.exercise}: ${bar.count} ${kindLabel(bar.kind)}`,
          }),
          Plot.ruleX([0]),
        ],
      });
    },
    [bars, exercises, kindLabel, t],
  );

  if (stuck.length === 0) return <p className="teacher-empty">{t('dashboard.stuck.empty')}</p>;
  const worst = [...stuck].sort((left, right) => stuckScore(right) - stuckScore(left))[0];
  return (
    <PlotFigure
      draw={draw}
      summary={worst ? t('dashboard.stuck.summary', { exercise: worst.exercise, failed: worst.failedAttempts, unreadable: worst.unreadable, hints: worst.hints, learners: worst.learners }) : ''}
      fallback={
        <table className="teacher-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.exercise')}</th>
              <th scope="col">{t('dashboard.stuck.failedAttempts')}</th>
              <th scope="col">{t('dashboard.stuck.unreadable')}</th>
              <th scope="col">{t('dashboard.stuck.hints')}</th>
              <th scope="col">{t('dashboard.learners')}</th>
            </tr>
          </thead>
          <tbody>
            {stuck.map((row) => (
              <tr key={row.exercise}>
                <th scope="row">{row.exercise}</th>
                <td>{row.failedAttempts}</td>
                <td>{row.unreadable}</td>
                <td>{row.hints}</td>
                <td>{row.learners}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
