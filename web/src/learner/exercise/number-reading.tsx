// What Primer reads in a numeric answer while the learner types it, from the checker's own reading
// (readNumericAnswer in src/exercise), in the learner's language: a decimal sign that language does not
// use, a unit the exercise cannot take, or a word that is not a number shows before the answer is sent;
// a number shows in the exercise's unit, as the checker will compare it. Loaded on demand with the
// checker's math library.
import { useTranslation } from 'react-i18next';
// By file, not through src/exercise/index.ts, which also exports the code sandboxes (Node only).
import { describeProblem } from '../../../../src/exercise/answer-problem.ts';
import { readNumericAnswer } from '../../../../src/exercise/check-numeric.ts';

export default function NumberReading({ value, unit, language }: { value: string; unit: string | undefined; language: string }) {
  const { t } = useTranslation('learner');
  const read = readNumericAnswer(value, unit, language);
  if ('problem' in read) return <span className="preview-unreadable">{describeProblem(read.problem, language)}</span>;
  const shown = formatNumber(read.value, language, read.percent);
  return (
    <span>
      {t('exercise.preview')} <bdi className="code-font">{unit ? `${shown} ${unit}` : shown}</bdi>
    </span>
  );
}

function formatNumber(value: number, language: string, percent: boolean): string {
  const options: Intl.NumberFormatOptions = { maximumSignificantDigits: 12, ...(percent ? { style: 'percent' } : {}) };
  try {
    return new Intl.NumberFormat(language, options).format(value);
  } catch {
    return new Intl.NumberFormat('en', options).format(value);
  }
}
