// An expression answer with a live preview: the checker's own parser reads it (LaTeX, x², 2x, sin x,
// full-width signs, the exercise's variables), KaTeX shows what Primer understood, and input it cannot
// read gets the checker's own message. Loaded on demand, so mathjs downloads only when a lesson has an
// expression exercise.
import katex from 'katex';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
// By file, not through src/exercise/index.ts, which also exports the code sandboxes (Node only).
import { describeProblem } from '../../../../src/exercise/answer-problem.ts';
import { parseExpression } from '../../../../src/exercise/parse-expression.ts';
import type { AnswerInputProps } from './answer-input.tsx';

export default function ExpressionInput({ exercise, value, onChange, promptId, disabled, onSubmit }: AnswerInputProps) {
  const { t, i18n } = useTranslation('learner');
  const previewId = useId();
  const preview = useMemo(() => {
    if (!value.trim()) return { kind: 'empty' as const };
    const parsed = parseExpression(value, exercise.variables ?? []);
    if ('problem' in parsed) return { kind: 'unreadable' as const, message: describeProblem(parsed.problem, i18n.language) };
    const tex = parsed.node.toTex({ parenthesis: 'auto', implicit: 'hide' }); // the brackets that matter, not those added in reading LaTeX or x²
    return { kind: 'ok' as const, html: katex.renderToString(tex, { throwOnError: false, displayMode: false }) };
  }, [value, exercise.variables, i18n.language]);
  return (
    <div className="expression-input">
      <input
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        className="code-font"
        aria-labelledby={promptId}
        aria-describedby={previewId}
        value={value}
        disabled={disabled}
        placeholder={exercise.variables?.length ? t('exercise.expressionPlaceholder', { variables: exercise.variables.join(', ') }) : '2*x + 1'}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && onSubmit?.()}
      />
      <div className="expression-preview" id={previewId} aria-live="polite">
        <span className="muted small">{t('exercise.preview')}</span>{' '}
        {preview.kind === 'ok' && <span dangerouslySetInnerHTML={{ __html: preview.html }} />}
        {preview.kind === 'unreadable' && <span className="preview-unreadable">{preview.message}</span>}
        {preview.kind === 'empty' && <span className="muted small">—</span>}
      </div>
      {exercise.variables && exercise.variables.length > 0 && <p className="muted small">{t('exercise.variables', { variables: exercise.variables.join(', ') })}</p>}
    </div>
  );
}
