// A course's check results as `path:line:column severity message (hint)`, errors first. Each line is a
// button that copies its location, so the teacher can jump there in an editor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiDiagnostic } from '../api/types.ts';
import { diagnosticLocation, sortDiagnostics } from './format-diagnostic.ts';

export function DiagnosticsList({ diagnostics }: { diagnostics: ApiDiagnostic[] }) {
  const { t } = useTranslation('teacher');
  const [copied, setCopied] = useState<string | null>(null);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return <p className="teacher-check-clean">✓ {t('diagnostics.clean')}</p>;
  return (
    <details className="teacher-diagnostics" open={errors > 0}>
      <summary>
        {t('diagnostics.summary', { errors, warnings })}
      </summary>
      <p className="muted">{t('diagnostics.clickHint')}</p>
      <ul>
        {sortDiagnostics(diagnostics).map((diagnostic, index) => {
          const location = diagnosticLocation(diagnostic);
          return (
            <li key={`${location}-${index}`}>
              <button
                type="button"
                className={`teacher-diagnostic teacher-diagnostic-${diagnostic.severity}`}
                onClick={async () => {
                  try {
                    await navigator.clipboard.writeText(location);
                    setCopied(location);
                  } catch {
                    setCopied(null);
                  }
                }}
              >
                <code className="teacher-diagnostic-location" dir="ltr">{location}</code>{' '}
                <span className="teacher-diagnostic-severity">{diagnostic.severity === 'error' ? t('diagnostics.error') : t('diagnostics.warning')}</span>{' '}
                <span>{diagnostic.message}</span>
                {diagnostic.hint && <span className="muted"> ({diagnostic.hint})</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" className="teacher-copy-status">
        {copied ? t('diagnostics.copied', { location: copied }) : ''}
      </p>
    </details>
  );
}
