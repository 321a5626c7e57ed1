// The signed-in person (or a sign-in link), with sign-out. Guests are told their progress lives in this browser.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from './button.tsx';

export function AccountMenu() {
  const { t } = useTranslation('common');
  const { account, loading, signOut } = useAccount();
  const navigate = useNavigate();
  if (loading) return null;
  if (!account) {
    return (
      <Link className="button button-quiet button-small" to="/login">
        {t('account.signIn')}
      </Link>
    );
  }
  return (
    <details className="account-menu">
      <summary aria-label={t('account.menu', { name: account.guest ? t('account.guest') : account.name })}>
        {/* The initial is drawn by CSS (::before), so the summary's visible text stays part of its accessible name (axe: label-content-name-mismatch). */}
        <span className="avatar" aria-hidden="true" data-initial={(account.guest ? '?' : account.name.trim()[0] ?? '?').toUpperCase()} />
        <span className="account-name">{account.guest ? t('account.guest') : account.name}</span>
      </summary>
      <div className="account-menu-panel">
        {account.guest ? <p className="muted">{t('account.guestNote')}</p> : <p className="muted">{account.email}</p>}
        <Link to="/me">{t('nav.aboutMe')}</Link>
        <Button
          variant="quiet"
          size="small"
          onClick={async () => {
            await signOut();
            navigate('/');
          }}
        >
          {t('account.signOut')}
        </Button>
      </div>
    </details>
  );
}
