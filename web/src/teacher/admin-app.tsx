// The admin app, mounted at /admin: everyone's accounts, and the role select that makes a teacher or
// an admin. The server refuses what would lock everyone out (e.g. demoting the last admin); its
// reason is shown beside the row.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiUser, Role } from '../api/types.ts';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { NeedsTeacherPage } from './needs-teacher-page.tsx';
import { useApiData } from './use-api-data.ts';
import './teacher-strings.ts';
import './teacher.css';

const roles: Role[] = ['learner', 'teacher', 'admin'];

export default function AdminApp() {
  const { account } = useAccount();
  if (account?.role !== 'admin') return <NeedsTeacherPage needs="admin" />;
  return <UsersPage />;
}

function UsersPage() {
  const { t, i18n } = useTranslation('teacher');
  usePageTitle(t('admin.title'));
  const { account, refresh } = useAccount();
  const users = useApiData<{ users: ApiUser[] }>('/api/admin/users');
  const [filter, setFilter] = useState('');
  const [showGuests, setShowGuests] = useState(false);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const needle = filter.trim().toLowerCase();
  const shown = (users.data?.users ?? []).filter(
    (user) => (showGuests || !user.guest) && (!needle || user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle)),
  );
  const guests = (users.data?.users ?? []).filter((user) => user.guest).length;

  return (
    <div className="teacher-page">
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.intro')}</p>
      <div className="teacher-filters">
        <label className="teacher-inline-field teacher-search">
          <span>{t('admin.filter')}</span>
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        {guests > 0 && (
          <label className="teacher-checkbox">
            <input type="checkbox" checked={showGuests} onChange={(event) => setShowGuests(event.target.checked)} /> {t('admin.showGuests', { count: guests })}
          </label>
        )}
      </div>
      <ErrorMessage error={users.error} onRetry={users.reload} />
      {users.loading && !users.data && <Skeleton lines={5} />}
      {users.data && (
        <div className="teacher-table-scroll" tabIndex={0} role="region" aria-label={t('admin.title')}>
          <table className="teacher-table teacher-users">
            <caption className="visually-hidden">{t('admin.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.created')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === account?.id}
                  created={formatDate(dateFormat, user.createdAt)}
                  onChanged={(changed) => {
                    users.setData((current) => current && { users: current.users.map((each) => (each.id === changed.id ? changed : each)) });
                    if (changed.id === account?.id) void refresh();
                  }}
                  onDeleted={() => users.setData((current) => current && { users: current.users.filter((each) => each.id !== user.id) })}
                />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="teacher-empty">{t('admin.none')}</p>}
        </div>
      )}
    </div>
  );
}

function UserRow({ user, isSelf, created, onChanged, onDeleted }: { user: ApiUser; isSelf: boolean; created: string; onChanged(user: ApiUser): void; onDeleted(): void }) {
  const { t } = useTranslation('teacher');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [failed, setFailed] = useState<'role' | 'delete'>('role'); // what the error is about

  async function changeRole(role: Role) {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/admin/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { role } });
      onChanged({ ...user, role });
    } catch (failure) {
      setFailed('role');
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  /** A learner, with everything they left, after the admin confirms (the server refuses other roles). */
  async function deleteAccount() {
    if (!window.confirm(t('admin.deleteConfirm', { name: user.name || user.email }))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/admin/users/${encodeURIComponent(user.id)}`, { method: 'DELETE' });
      onDeleted();
    } catch (failure) {
      setFailed('delete');
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row">
        <bdi>{user.name || '—'}</bdi>
        {isSelf && <span className="badge">{t('admin.you')}</span>}
        {user.guest && <span className="badge">{t('admin.guest')}</span>}
      </th>
      <td dir="ltr">{user.email || '—'}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          {t('admin.roleFor', { name: user.name || user.email })}
        </label>
        <select id={`role-${user.id}`} value={user.role} disabled={busy || user.guest} aria-busy={busy || undefined} onChange={(event) => void changeRole(event.target.value as Role)}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {user.role === 'learner' && !isSelf && (
          <Button size="small" variant="quiet" busy={busy} aria-label={t('admin.deleteFor', { name: user.name || user.email })} onClick={() => void deleteAccount()}>
            {t('admin.delete')}
          </Button>
        )}
        <ErrorMessage error={error} title={t(failed === 'delete' ? 'admin.deleteFailed' : 'admin.roleFailed')} />
      </td>
      <td>{created}</td>
    </tr>
  );
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
