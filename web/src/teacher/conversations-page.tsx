// /teach/courses/:course/conversations: the tutor conversations, searchable, grouped by learner and
// turn; the teacher flags a reply (with a reason) to come back to it or to improve the course.
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiConversationMessage } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { LearnerConversationCard } from './learner-conversation-card.tsx';
import { groupConversations } from './group-conversations.ts';
import { teacherPath, useApiData } from './use-api-data.ts';

export function ConversationsPage() {
  const { t, i18n } = useTranslation('teacher');
  const { course = '' } = useParams();
  usePageTitle(t('nav.conversations'));
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const flagged = searchParams.get('flagged') === 'true';
  const learner = searchParams.get('learner') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (flagged) query.set('flagged', 'true');
  if (learner) query.set('learner', learner);
  const path = `${teacherPath(course, 'conversations')}${query.size ? `?${query}` : ''}`;
  const conversations = useApiData<{ messages: ApiConversationMessage[] }>(path);
  const groups = useMemo(() => groupConversations(conversations.data?.messages ?? []), [conversations.data]);

  // The learner picker lists whoever appears in the unfiltered results seen so far.
  const [knownLearners, setKnownLearners] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const messages = conversations.data?.messages;
    if (!messages) return;
    setKnownLearners((current) => {
      const next = new Map(current);
      for (const message of messages) next.set(message.learner.id, message.learner.name);
      return next.size === current.size ? current : next;
    });
  }, [conversations.data]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  }

  const timeFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="teacher-conversations" aria-busy={conversations.loading || undefined}>
      <form
        role="search"
        className="teacher-filters"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: draft.trim() || null });
        }}
      >
        <label className="teacher-inline-field teacher-search">
          <span>{t('conversations.search')}</span>
          <input type="search" value={draft} placeholder={t('conversations.searchPlaceholder')} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <Button type="submit" size="small" variant="primary">
          {t('conversations.searchButton')}
        </Button>
        <label className="teacher-checkbox">
          <input type="checkbox" checked={flagged} onChange={(event) => update({ flagged: event.target.checked ? 'true' : null })} /> {t('conversations.flaggedOnly')}
        </label>
        <label className="teacher-inline-field">
          <span>{t('conversations.learner')}</span>
          <select value={learner} onChange={(event) => update({ learner: event.target.value || null })}>
            <option value="">{t('conversations.allLearners')}</option>
            {[...knownLearners].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </form>

      <ErrorMessage error={conversations.error} onRetry={conversations.reload} />
      {conversations.loading && !conversations.data && <Skeleton lines={5} />}
      {conversations.data && groups.length === 0 && (
        <p className="teacher-empty">{q || flagged || learner ? t('conversations.noMatch') : t('conversations.empty')}</p>
      )}
      {conversations.data && groups.length > 0 && (
        <p className="muted" role="status">
          {t('conversations.summary', { messages: t('conversations.messagesCount', { count: conversations.data.messages.length }), learners: t('dashboard.learnersCount', { count: groups.length }) })}
        </p>
      )}

      {groups.map((group, index) => (
        <LearnerConversationCard
          key={group.learner.id}
          course={course}
          group={group}
          // One learner, or a narrowed search, opens at once; otherwise the most recent learner does.
          initiallyOpen={index === 0 || groups.length === 1 || Boolean(q || flagged || learner)}
          formatTime={(iso) => formatTime(timeFormat, iso)}
          onChanged={(changed) =>
            conversations.setData((current) => current && { messages: current.messages.map((each) => (each.id === changed.id ? changed : each)) })
          }
        />
      ))}
    </div>
  );
}

function formatTime(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
