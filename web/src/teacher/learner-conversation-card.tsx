// One learner's conversation: a disclosure with the learner's name, message count and flags; inside,
// the latest turns (earlier ones on request), each turn's messages oldest first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiConversationMessage } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ConversationMessage } from './conversation-message.tsx';
import type { LearnerConversation } from './group-conversations.ts';

const turnsShownAtFirst = 8;

export function LearnerConversationCard({
  course,
  group,
  initiallyOpen,
  formatTime,
  onChanged,
}: {
  course: string;
  group: LearnerConversation;
  initiallyOpen: boolean;
  formatTime(iso: string): string;
  onChanged(message: ApiConversationMessage): void;
}) {
  const { t } = useTranslation('teacher');
  const [showAll, setShowAll] = useState(false);
  const hidden = showAll ? 0 : Math.max(0, group.turns.length - turnsShownAtFirst);
  const turns = group.turns.slice(hidden);
  const messages = group.turns.reduce((sum, turn) => sum + turn.messages.length, 0);
  const last = group.turns.at(-1)?.time;
  return (
    <details className="card teacher-conversation" open={initiallyOpen}>
      <summary>
        <bdi className="teacher-conversation-name">{group.learner.name}</bdi>
        <span className="muted">
          {t('conversations.messagesCount', { count: messages })}
          {last ? ` · ${formatTime(last)}` : ''}
        </span>
        {group.flagged > 0 && <span className="badge badge-danger">{t('conversations.flaggedCount', { count: group.flagged })}</span>}
      </summary>
      {hidden > 0 && (
        <Button size="small" variant="quiet" onClick={() => setShowAll(true)}>
          {t('conversations.earlierTurns', { count: hidden })}
        </Button>
      )}
      <ol className="teacher-turns">
        {turns.map((turn) => (
          <li key={turn.turn} className="teacher-turn">
            <p className="muted teacher-turn-time">{formatTime(turn.time)}</p>
            {turn.messages.map((message) => (
              <ConversationMessage key={message.id} course={course} message={message} onChanged={onChanged} />
            ))}
          </li>
        ))}
      </ol>
    </details>
  );
}
