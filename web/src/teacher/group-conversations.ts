// Conversations arrive as a flat list of messages; the teacher reads them per learner, turn by turn.
import type { ApiConversationMessage } from '../api/types.ts';

export interface ConversationTurn {
  turn: string;
  time: string; // of the turn's first message
  messages: ApiConversationMessage[];
}

export interface LearnerConversation {
  learner: { id: string; name: string };
  turns: ConversationTurn[];
  flagged: number;
}

/**
 * Groups messages by learner, then by turn; learners in order of their latest message (most recent
 * first), turns and messages oldest first, so each conversation reads top to bottom.
 */
export function groupConversations(messages: readonly ApiConversationMessage[]): LearnerConversation[] {
  const byLearner = new Map<string, { learner: LearnerConversation['learner']; turns: Map<string, ConversationTurn>; latest: string; flagged: number }>();
  const ordered = [...messages].sort((left, right) => left.time.localeCompare(right.time));
  for (const message of ordered) {
    let learner = byLearner.get(message.learner.id);
    if (!learner) {
      learner = { learner: message.learner, turns: new Map(), latest: message.time, flagged: 0 };
      byLearner.set(message.learner.id, learner);
    }
    learner.latest = message.time;
    if (message.flagged) learner.flagged += 1;
    let turn = learner.turns.get(message.turn);
    if (!turn) {
      turn = { turn: message.turn, time: message.time, messages: [] };
      learner.turns.set(message.turn, turn);
    }
    turn.messages.push(message);
  }
  return [...byLearner.values()]
    .sort((left, right) => right.latest.localeCompare(left.latest))
    .map(({ learner, turns, flagged }) => ({ learner, turns: [...turns.values()], flagged }));
}
