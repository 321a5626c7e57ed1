// "/login": email and password; afterwards back to where the person was going.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';

export function LoginPage() {
  const { t } = useTranslation('learner');
  const { refresh } = useAccount();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  usePageTitle(t('login.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/auth/login', { body: { email, password } });
      await refresh();
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow card">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t('form.email')} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <Field label={t('form.password')} type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <ErrorMessage error={error} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={busy}>
            {t('login.submit')}
          </Button>
          <Link to="/">{t('login.asGuest')}</Link>
        </div>
      </form>
      <p className="muted small form-footnote">{t('login.noAccount')}</p>
    </div>
  );
}
