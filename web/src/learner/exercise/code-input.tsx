// A code answer in CodeMirror (Python or JavaScript), loaded on demand with the code exercise.
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerInputProps } from './answer-input.tsx';

function prefersDark() {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export default function CodeInput({ exercise, value, onChange, promptId, disabled }: AnswerInputProps) {
  const { t } = useTranslation('learner');
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const listener = () => setDark(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);
  const extensions = useMemo(
    () => [
      exercise.language === 'javascript' ? javascript() : python(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-labelledby': promptId, 'aria-describedby': `${promptId}-code-help` }),
    ],
    [exercise.language, promptId],
  );
  return (
    <div className="code-input" dir="ltr">
      <CodeMirror value={value} onChange={onChange} extensions={extensions} editable={!disabled} theme={dark ? 'dark' : 'light'} minHeight="10rem" maxHeight="28rem" basicSetup={{ foldGutter: false, highlightActiveLine: true }} />
      <p className="muted small" id={`${promptId}-code-help`} dir="auto">
        {t('exercise.codeHelp', { language: exercise.language === 'javascript' ? 'JavaScript' : 'Python' })}
      </p>
    </div>
  );
}
