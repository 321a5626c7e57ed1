// Learners × skills, each cell the learner's mastery (0–1) on a sequential scale; hover shows the value.
// A skill the learner has no graded answer on yet is a plain grey cell: there is no evidence to colour.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';
import { masteredPairs, masteryCells, uniqueLabels, type MasteryCell } from './dashboard-data.ts';
import { charactersThatFit, labelMargin, truncateLabel } from './axis-labels.ts';
import { PlotFigure } from './plot-figure.tsx';

export function MasteryHeatmap({ heatmap }: { heatmap: ApiDashboard['heatmap'] }) {
  const { t, i18n } = useTranslation('teacher');
  const cells = useMemo(() => masteryCells(heatmap), [heatmap]);
  const percent = useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }), [i18n.language]);
  const learners = useMemo(() => uniqueLabels(heatmap.learners.map((learner) => learner.name || learner.id)), [heatmap]);
  const skills = useMemo(() => uniqueLabels(heatmap.skills.map((skill) => skill.title || skill.id)), [heatmap]);

  // Skills are rows (their titles are long and read best horizontally); learners are columns, at
  // least 26px each, so a large class scrolls sideways instead of squeezing cells to nothing.
  const draw = useCallback(
    (width: number) => {
      const marginLeft = labelMargin(skills, width, 0.45);
      const room = charactersThatFit(marginLeft - 14);
      const longestLearner = Math.max(0, ...learners.map((name) => name.length));
      const rotate = learners.length * 60 > width - marginLeft;
      const frame = document.createElement('div');
      const legend = Plot.legend({
        color: { type: 'linear', domain: [0, 1], scheme: 'blues', label: t('dashboard.heatmap.mastery'), tickFormat: (value: number) => percent.format(value) },
        marginLeft: 12,
        marginRight: 20,
        width: 280,
      });
      // The grey cells' key, beside the colour scale, when there are any.
      const noAnswers = document.createElement('p');
      noAnswers.className = 'heatmap-no-answers';
      noAnswers.textContent = t('dashboard.heatmap.noAnswers');
      frame.append(
        legend,
        ...(cells.some((cell) => cell.mastery === null) ? [noAnswers] : []),
        Plot.plot({
          width: Math.max(width, marginLeft + learners.length * 26 + 20),
          height: skills.length * 26 + (rotate ? Math.min(120, 20 + longestLearner * 6) : 40),
          marginLeft,
          marginTop: 8,
          marginBottom: rotate ? Math.min(120, 20 + longestLearner * 6) : 30,
          padding: 0.06,
          x: { domain: learners, label: null, tickRotate: rotate ? -40 : 0, tickFormat: (name: string) => truncateLabel(name, 18) },
          y: { domain: skills, label: null, tickFormat: (skill: string) => truncateLabel(skill, room) },
          color: { type: 'linear', domain: [0, 1], scheme: 'blues' },
          marks: [
            Plot.cell(
              cells.filter((cell) => cell.mastery === null),
              { x: 'learner', y: 'skill', fill: 'var(--color-border)', inset: 0.5, title: (cell: MasteryCell) => `${cell.learner} · ${cell.skill}: ${t('dashboard.heatmap.noAnswers')}` },
            ),
            Plot.cell(
              cells.filter((cell) => cell.mastery !== null),
              { x: 'learner', y: 'skill', fill: 'mastery', inset: 0.5, title: (cell: MasteryCell) => `${cell.learner} · ${cell.skill}: ${percent.format(cell.mastery ?? 0)}` },
            ),
          ],
        }),
      );
      return frame;
    },
    [cells, learners, skills, percent, t],
  );

  if (heatmap.learners.length === 0) return <p className="teacher-empty">{t('dashboard.heatmap.empty')}</p>;
  return (
    <PlotFigure
      draw={draw}
      summary={t('dashboard.heatmap.summary', { learners: learners.length, skills: skills.length, mastered: masteredPairs(heatmap) })}
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
                  return typeof value === 'number' ? (
                    <td key={skill}>{percent.format(Math.min(1, Math.max(0, value)))}</td>
                  ) : (
                    <td key={skill} title={t('dashboard.heatmap.noAnswers')}>
                      —
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
