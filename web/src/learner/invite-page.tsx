// "/invite/:token": join a course. Signed in (not a guest): one click. A guest keeps their progress by
// adding an email and password. A visitor creates an account here.
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiAccount } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';

interface Invitation {
  course: { id: string; title: string };
  role: 'learner' | 'teacher';
  email: string | null;
}

export function InvitePage() {
  const { t } = useTranslation('learner');
  const { token = '' } = useParams();
  const { account, loading, refresh } = useAccount();
  const navigate = useNavigate();
  const invitation = useApiData<Invitation>(`/api/invites/${encodeURIComponent(token)}`);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  usePageTitle(t('invite.title'));

  if (loading || invitation.loading) return <Spinner />;
  if (invitation.error || !invitation.data) return <ErrorMessage title={t('invite.invalid')} error={invitation.error} />;
  const { course, role } = invitation.data;
  const needsCredentials = !account || account.guest;

  async function accept(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = !account ? { name, email: email || invitation.data?.email, password } : account.guest ? { email: email || invitation.data?.email, password, name: name || undefined } : {};
      const result = await api<{ account: ApiAccount; course: { id: string } }>(`/api/invites/${encodeURIComponent(token)}/accept`, { body });
      await refresh();
      navigate(role === 'teacher' ? `/teach/courses/${encodeURIComponent(result.course.id)}` : `/courses/${encodeURIComponent(result.course.id)}`, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow card">
      <h1>{t('invite.title')}</h1>
      <p>{t(role === 'teacher' ? 'invite.asTeacher' : 'invite.asLearner', { course: course.title })}</p>
      {account && !account.guest && <p className="muted">{t('invite.signedInAs', { name: account.name, email: account.email })}</p>}
      {account?.guest && <p className="notice notice-info">{t('invite.guestKeepsProgress')}</p>}
      <form onSubmit={accept} noValidate>
        {needsCredentials && (
          <>
            {!account && <Field label={t('form.name')} autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} />}
            <Field
              label={t('form.email')}
              type="email"
              autoComplete="email"
              required
              value={email || invitation.data.email || ''}
              readOnly={Boolean(invitation.data.email)}
              onChange={(event) => setEmail(event.target.value)}
            />
            <Field label={t('form.newPassword')} hint={t('form.passwordHint')} type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(event) => setPassword(event.target.value)} />
          </>
        )}
        <ErrorMessage error={error} />
        <Button type="submit" variant="primary" busy={busy}>
          {t('invite.accept')}
        </Button>
      </form>
    </div>
  );
}
