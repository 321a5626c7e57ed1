// The frame of every screen: a skip link, the header (brand, navigation, language, account) and <main>.
import type { ReactNode } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../auth/account-context.tsx';
import { AccountMenu } from './account-menu.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('common');
  const { account } = useAccount();
  const teaches = account?.role === 'teacher' || account?.role === 'admin';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand" title={t('nav.home')}>
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">Primer</span>
        </Link>
        {account && (
          <nav aria-label={t('nav.label')} className="app-nav">
            <NavLink to="/" end>
              {t('nav.courses')}
            </NavLink>
            <NavLink to="/me">{t('nav.aboutMe')}</NavLink>
            {teaches && <NavLink to="/teach">{t('nav.teach')}</NavLink>}
            {account.role === 'admin' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          </nav>
        )}
        <div className="header-tools">
          <LanguageSwitcher />
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
    </div>
  );
}
