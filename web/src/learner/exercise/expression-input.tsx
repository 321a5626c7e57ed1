// An expression answer with a live preview: mathjs reads it, KaTeX shows what Primer understood.
// Loaded on demand, so mathjs downloads only when a lesson has an expression exercise.
import katex from 'katex';
import { parse } from 'mathjs';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerInputProps } from './answer-input.tsx';

export default function ExpressionInput({ exercise, value, onChange, promptId, disabled, onSubmit }: AnswerInputProps) {
  const { t } = useTranslation('learner');
  const previewId = useId();
  const preview = useMemo(() => {
    if (!value.trim()) return { kind: 'empty' as const };
    try {
      const tex = parse(value).toTex({ parenthesis: 'keep', implicit: 'hide' });
      return { kind: 'ok' as const, html: katex.renderToString(tex, { throwOnError: false, displayMode: false }) };
    } catch {
      return { kind: 'unreadable' as const };
    }
  }, [value]);
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
        {preview.kind === 'unreadable' && <span className="preview-unreadable">{t('exercise.cantRead')}</span>}
        {preview.kind === 'empty' && <span className="muted small">—</span>}
      </div>
      {exercise.variables && exercise.variables.length > 0 && <p className="muted small">{t('exercise.variables', { variables: exercise.variables.join(', ') })}</p>}
    </div>
  );
}
