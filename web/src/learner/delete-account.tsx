// "Delete my account" on the About me page: the learner's account and everything they did, after
// they confirm (a full account with its password; a guest has none). Then they are signed out.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiAccount } from '../api/types.ts';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';

export function DeleteAccount({ account }: { account: ApiAccount }) {
  const { t } = useTranslation('learner');
  const { refresh } = useAccount();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/auth/me', { method: 'DELETE', body: account.guest ? {} : { password } });
      await refresh(); // signed out now
      void navigate('/');
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <p>
        <Button size="small" variant="quiet" onClick={() => setOpen(true)}>
          {t('me.deleteOpen')}
        </Button>
      </p>
    );
  }
  return (
    <form className="delete-account" onSubmit={(event) => void submit(event)}>
      <p>{t('me.deleteLead')}</p>
      {!account.guest && (
        <Field label={t('me.deletePassword')} type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      )}
      <ErrorMessage error={error} />
      <p className="delete-account-actions">
        <Button type="submit" variant="danger" busy={busy}>
          {t('me.deleteConfirm')}
        </Button>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common:action.cancel')}
        </Button>
      </p>
    </form>
  );
}
