// Any path the app does not know: say so, and offer the way home.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/use-page-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  usePageTitle(t('error.notFound'));
  return (
    <div className="narrow card">
      <h1>{t('error.notFound')}</h1>
      <p className="muted">{t('error.notFoundHelp')}</p>
      <Link className="button button-primary" to="/">
        {t('error.goHome')}
      </Link>
    </div>
  );
}
