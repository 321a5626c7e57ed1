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
        <span className="avatar" aria-hidden="true">
          {(account.guest ? '?' : account.name.trim()[0] ?? '?').toUpperCase()}
        </span>
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
