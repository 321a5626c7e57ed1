// The answer control for each exercise type. Every answer travels as one string (choices as "a, c").
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiExercise } from '../../api/types.ts';
import { Skeleton } from '../../ui/spinner.tsx';
import { plainTextOf } from '../plain-text.ts';

const ExpressionInput = lazy(() => import('./expression-input.tsx'));
const CodeInput = lazy(() => import('./code-input.tsx'));
const NumberReading = lazy(() => import('./number-reading.tsx'));

export interface AnswerInputProps {
  exercise: ApiExercise;
  value: string;
  onChange(value: string): void;
  /** The id of the exercise prompt, which labels the control. */
  promptId: string;
  /** The learner's language, in which the checker reads their numbers (decimal sign, grouping). */
  language: string;
  disabled?: boolean;
  onSubmit?(): void;
}

/** The letter a choice is shown with: A, B, C… in the order of the exercise's choices. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** An answer as the learner picked or wrote it: a choice answer's ids ("a, c") as the letters the card shows ("A, C"). */
export function answerAsShown(exercise: ApiExercise, answer: string): string {
  if (exercise.type !== 'choice') return answer;
  const ids = (exercise.choices ?? []).map((choice) => choice.id);
  return answer
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((id) => (ids.includes(id) ? choiceLetter(ids.indexOf(id)) : id))
    .join(', ');
}

export function AnswerInput(props: AnswerInputProps) {
  switch (props.exercise.type) {
    case 'choice':
      return <ChoiceInput {...props} />;
    case 'numeric':
      return <NumericInput {...props} />;
    case 'expression':
      return (
        <Suspense fallback={<Skeleton lines={1} />}>
          <ExpressionInput {...props} />
        </Suspense>
      );
    case 'code':
      return (
        <Suspense fallback={<Skeleton lines={6} />}>
          <CodeInput {...props} />
        </Suspense>
      );
    case 'free-response':
      return <LongTextInput {...props} />;
    default:
      return <ShortTextInput {...props} />;
  }
}

function ChoiceInput({ exercise, value, onChange, promptId, disabled }: AnswerInputProps) {
  const { t } = useTranslation('learner');
  const name = useId();
  const picked = value ? value.split(',').map((part) => part.trim()).filter(Boolean) : [];
  const toggle = (id: string, checked: boolean) => {
    if (!exercise.multiple) return onChange(id);
    const next = checked ? [...picked.filter((item) => item !== id), id] : picked.filter((item) => item !== id);
    onChange((exercise.choices ?? []).map((choice) => choice.id).filter((choiceId) => next.includes(choiceId)).join(', '));
  };
  return (
    <fieldset className="choice-input" aria-labelledby={promptId} disabled={disabled}>
      {exercise.multiple && <p className="muted small">{t('exercise.pickAll')}</p>}
      {(exercise.choices ?? []).map((choice, index) => (
        <label key={choice.id} className="choice-option">
          <input
            type={exercise.multiple ? 'checkbox' : 'radio'}
            name={name}
            value={choice.id}
            aria-label={`${choiceLetter(index)}: ${plainTextOf(choice.html)}`}
            checked={picked.includes(choice.id)}
            onChange={(event) => toggle(choice.id, event.target.checked)}
          />
          <span className="choice-letter" aria-hidden="true">
            {choiceLetter(index)}
          </span>
          <span className="choice-text" dir="auto" dangerouslySetInnerHTML={{ __html: choice.html }} />
        </label>
      ))}
    </fieldset>
  );
}

function NumericInput({ exercise, value, onChange, promptId, language, disabled, onSubmit }: AnswerInputProps) {
  const { t } = useTranslation('learner');
  const hintId = useId();
  const hint = exercise.unit ? t('exercise.numericUnitHint', { unit: exercise.unit }) : t('exercise.numericHint');
  return (
    <div className="inline-answer">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-labelledby={promptId}
        aria-describedby={hintId}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && onSubmit?.()}
      />
      {exercise.unit && <span className="unit">{exercise.unit}</span>}
      {/* what the checker will read, once there is something to read */}
      <span id={hintId} className="muted small number-reading" aria-live="polite">
        {value.trim() ? (
          <Suspense fallback={hint}>
            <NumberReading value={value} unit={exercise.unit} language={language} />
          </Suspense>
        ) : (
          hint
        )}
      </span>
    </div>
  );
}

function ShortTextInput({ value, onChange, promptId, disabled, onSubmit }: AnswerInputProps) {
  return (
    <div className="inline-answer">
      <input type="text" autoComplete="off" aria-labelledby={promptId} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && onSubmit?.()} />
    </div>
  );
}

function LongTextInput({ value, onChange, promptId, disabled }: AnswerInputProps) {
  return <textarea rows={5} aria-labelledby={promptId} value={value} disabled={disabled} maxLength={5000} onChange={(event) => onChange(event.target.value)} />;
}
