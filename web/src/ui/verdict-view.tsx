// A checked answer: a badge (correct / partly / not yet / could not read), the authored feedback,
// and for code the per-test results and printed output.
import { useTranslation } from 'react-i18next';
import type { ApiVerdict } from '../api/types.ts';
import { RichText } from './rich-text.tsx';

const tone: Record<ApiVerdict['verdict'], string> = { correct: 'success', 'partially-correct': 'warning', incorrect: 'danger', unparseable: 'warning' };
const icon: Record<ApiVerdict['verdict'], string> = { correct: '✓', 'partially-correct': '◐', incorrect: '✗', unparseable: '?' };

export function VerdictBadge({ verdict }: { verdict: ApiVerdict['verdict'] }) {
  const { t } = useTranslation('learner');
  return (
    <span className={`badge badge-${tone[verdict]} verdict-badge`}>
      <span aria-hidden="true">{icon[verdict]}</span> {t(`tutor:verdict.${verdict}`)}
    </span>
  );
}

export function VerdictView({ verdict }: { verdict: ApiVerdict }) {
  const { t } = useTranslation('learner');
  return (
    <div className={`verdict verdict-${tone[verdict.verdict]}`}>
      <VerdictBadge verdict={verdict.verdict} />
      {verdict.feedback && (
        <div className="verdict-feedback">
          <RichText text={verdict.feedback} />
        </div>
      )}
      {verdict.message && verdict.message !== verdict.feedback && <p className="muted small">{verdict.message}</p>}
      {verdict.verdict === 'incorrect' && !verdict.feedback && !verdict.message && !verdict.tests?.length && <p className="verdict-feedback">{t('exercise.noFeedback')}</p>}
      {verdict.tests && verdict.tests.length > 0 && (
        <div className="test-results">
          <h4>{t('tutor:shown.tests', { passed: verdict.tests.filter((test) => test.passed).length, total: verdict.tests.length })}</h4>
          <ul>
            {verdict.tests.map((test) => (
              <li key={test.name} className={test.passed ? 'test-passed' : 'test-failed'}>
                <span aria-hidden="true">{test.passed ? '✓' : '✗'}</span> <span className="visually-hidden">{test.passed ? t('tutor:shown.test-passed') : t('tutor:shown.test-failed')}: </span>
                <span className="test-name">{test.name}</span>
                {test.message && (
                  <div className="test-message">
                    <RichText text={test.message} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {verdict.output && (
        <details className="test-output" open={verdict.verdict !== 'correct'}>
          <summary>{t('tutor:shown.output')}</summary>
          <pre dir="ltr">{verdict.output}</pre>
        </details>
      )}
    </div>
  );
}
