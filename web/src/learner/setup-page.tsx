// "/setup?token=": the one-time link printed at first start creates the admin account.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';

export function SetupPage() {
  const { t } = useTranslation('learner');
  const [parameters] = useSearchParams();
  const token = parameters.get('token') ?? '';
  const { refresh } = useAccount();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  usePageTitle(t('setup.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/auth/setup', { body: { token, name, email, password } });
      await refresh();
      navigate('/teach', { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow card">
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.lead')}</p>
      {!token && <p className="notice">{t('setup.noToken')}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('form.name')} autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} />
        <Field label={t('form.email')} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <Field label={t('form.newPassword')} hint={t('form.passwordHint')} type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(event) => setPassword(event.target.value)} />
        <ErrorMessage error={error} />
        <Button type="submit" variant="primary" busy={busy} disabled={!token}>
          {t('setup.submit')}
        </Button>
      </form>
    </div>
  );
}
