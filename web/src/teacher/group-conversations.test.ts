import { describe, expect, it } from 'vitest';
import type { ApiConversationMessage } from '../api/types.ts';
import { groupConversations } from './group-conversations.ts';

function message(id: string, learner: string, turn: string, time: string, role: 'learner' | 'tutor', flagged = false): ApiConversationMessage {
  return { id, learner: { id: learner, name: learner.toUpperCase() }, turn, role, text: id, time, flagged, flagReason: flagged ? 'wrong' : null };
}

describe('groupConversations', () => {
  it('groups by learner (latest first) and turn (oldest first), counting flags', () => {
    const messages = [
      message('b2', 'bo', 't3', '2025-01-01T10:05:00Z', 'tutor', true),
      message('a1', 'ana', 't1', '2025-01-01T09:00:00Z', 'learner'),
      message('b1', 'bo', 't3', '2025-01-01T10:04:00Z', 'learner'),
      message('a2', 'ana', 't1', '2025-01-01T09:00:01Z', 'tutor'),
      message('a3', 'ana', 't2', '2025-01-01T09:30:00Z', 'learner'),
    ];
    const groups = groupConversations(messages);
    expect(groups.map((group) => group.learner.name)).toEqual(['BO', 'ANA']);
    expect(groups[0]?.flagged).toBe(1);
    expect(groups[1]?.turns.map((turn) => turn.messages.map((each) => each.id))).toEqual([['a1', 'a2'], ['a3']]);
  });
});
