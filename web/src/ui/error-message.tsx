// A failure a person can act on: what happened (the server's text) and, when given, a way to try again.
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

export function ErrorMessage({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation('common');
  if (!error) return null;
  const text = error instanceof Error ? error.message : String(error);
  // Server reasons are written as clauses ("there is no course …"); after the title they read as a sentence.
  const message = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return (
    <div className="error-message" role="alert">
      <p>
        <strong>{title ?? t('error.title')}</strong> {message}
      </p>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          {t('action.tryAgain')}
        </Button>
      )}
    </div>
  );
}
