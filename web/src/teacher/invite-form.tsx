// Creates an invite link for a course (learner or teacher, optionally for one email) and offers to copy it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiInvite } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field, SelectField } from '../ui/field.tsx';
import { CopyButton } from './copy-button.tsx';
import { teacherPath } from './use-api-data.ts';

export function InviteForm({ course }: { course: string }) {
  const { t } = useTranslation('teacher');
  const [role, setRole] = useState<ApiInvite['role']>('learner');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [invite, setInvite] = useState<ApiInvite | null>(null);
  // The server may answer with a path; the teacher needs a link that works when pasted anywhere.
  const link = invite ? new URL(invite.link, window.location.origin).href : null;

  return (
    <form
      className="teacher-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          const body = email.trim() ? { role, email: email.trim() } : { role };
          setInvite(await api<ApiInvite>(teacherPath(course, 'invites'), { method: 'POST', body }));
        } catch (failure) {
          setError(failure);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="teacher-form-row">
        <SelectField label={t('invite.role')} value={role} onChange={(event) => setRole(event.target.value as ApiInvite['role'])}>
          <option value="learner">{t('roles.learner')}</option>
          <option value="teacher">{t('roles.teacher')}</option>
        </SelectField>
        <Field label={t('invite.email')} hint={t('invite.emailHint')} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <Button type="submit" variant="primary" busy={busy}>
        {t('invite.create')}
      </Button>
      <ErrorMessage error={error} />
      {invite && link && (
        <div className="teacher-invite-result">
          <label>
            <span>{invite.email ? t('invite.linkFor', { email: invite.email, role: t(`roles.${invite.role}`) }) : t('invite.linkAnyone', { role: t(`roles.${invite.role}`) })}</span>
            <input readOnly dir="ltr" value={link} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <CopyButton text={link} />
        </div>
      )}
    </form>
  );
}
