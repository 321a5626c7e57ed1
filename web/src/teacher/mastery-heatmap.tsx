// Learners × skills, each cell the learner's mastery (0–1) on a sequential scale; hover shows the value.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';
import { masteryCells, uniqueLabels } from './dashboard-data.ts';
import { PlotFigure } from './plot-figure.tsx';

export function MasteryHeatmap({ heatmap }: { heatmap: ApiDashboard['heatmap'] }) {
  const { t, i18n } = useTranslation('teacher');
  const cells = useMemo(() => masteryCells(heatmap), [heatmap]);
  const percent = useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }), [i18n.language]);
  const learners = useMemo(() => uniqueLabels(heatmap.learners.map((learner) => learner.name || learner.id)), [heatmap]);
  const skills = useMemo(() => uniqueLabels(heatmap.skills.map((skill) => skill.title || skill.id)), [heatmap]);
  const longestLearner = Math.max(0, ...learners.map((name) => name.length));

  const draw = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: Math.max(120, learners.length * 28 + 140),
        marginLeft: Math.min(160, 16 + longestLearner * 7),
        marginBottom: 110,
        padding: 0.06,
        x: { domain: skills, label: null, tickRotate: -35 },
        y: { domain: learners, label: null },
        color: { type: 'linear', domain: [0, 1], scheme: 'blues', legend: true, label: t('dashboard.heatmap.mastery'), tickFormat: (value: number) => percent.format(value) },
        marks: [
          Plot.cell(cells, {
            x: 'skill',
            y: 'learner',
            fill: 'mastery',
            inset: 0.5,
            title: (cell: { learner: string; skill: string; mastery: number }) => `${cell.learner} · ${cell.skill}: ${percent.format(cell.mastery)}`,
          }),
        ],
      }),
    [cells, learners, skills, longestLearner, percent, t],
  );

  if (heatmap.learners.length === 0) return <p className="teacher-empty">{t('dashboard.heatmap.empty')}</p>;
  const mastered = cells.filter((cell) => cell.mastery >= 0.95).length;
  return (
    <PlotFigure
      draw={draw}
      summary={t('dashboard.heatmap.summary', { learners: learners.length, skills: skills.length, mastered })}
      fallback={
        <table className="teacher-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.learner')}</th>
              {skills.map((skill) => (
                <th key={skill} scope="col">
                  {skill}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {learners.map((learner, learnerIndex) => (
              <tr key={learner}>
                <th scope="row">{learner}</th>
                {skills.map((skill, skillIndex) => {
                  const value = heatmap.mastery[learnerIndex]?.[skillIndex];
                  return <td key={skill}>{typeof value === 'number' ? percent.format(Math.min(1, Math.max(0, value))) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
