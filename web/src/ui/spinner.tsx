// Waiting states: a spinner with a spoken label, and grey skeleton lines where content will appear.
import { useTranslation } from 'react-i18next';

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="loading-label">{label ?? t('status.loading')}</span>
    </div>
  );
}

export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslation('common');
  return (
    <div className="skeleton" role="status" aria-label={t('status.loading')}>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-line" style={{ inlineSize: `${[92, 78, 85, 60][index % 4]}%` }} />
      ))}
    </div>
  );
}
