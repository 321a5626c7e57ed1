// The chat's message type and the conversion of stored history into it.
import type { UIMessage } from 'ai';
import type { ApiChatMessage, ApiTurnDataParts, ApiTurnRequest } from '../../api/types.ts';

/** The data parts a turn streams, as the AI SDK wants them (a mapped type, so it is a plain record). */
export type TutorData = { [Name in keyof ApiTurnDataParts]: ApiTurnDataParts[Name] };

/** A learner message carries the action it asks for; the transport sends it as ApiTurnRequest.action. */
export type TutorMessage = UIMessage<{ action?: ApiTurnRequest['action'] }, TutorData>;

/** Stored messages (GET …/messages) as chat messages. A tutor reply shares its turn id, so its id gets a suffix. */
export function historyToMessages(history: ApiChatMessage[]): TutorMessage[] {
  // A command turn (a hint, an answer) stores no tutor text, only what it showed (the hint, the verdict); a turn with neither is no bubble.
  return history.filter((message) => message.role === 'learner' || message.text.trim() !== '' || (message.parts ?? []).length > 0).map((message) => ({
    id: message.role === 'learner' ? message.id : `${message.id}:reply`,
    role: message.role === 'learner' ? 'user' : 'assistant',
    parts: [
      ...(message.parts ?? []), // a verdict or hint before the words about it (the bubble puts an exercise after them)
      { type: 'text', text: message.text },
      ...(message.citations.length > 0 ? [{ type: 'data-citations' as const, data: { chunks: message.citations } }] : []),
    ],
  }));
}

/** The text of a message, its text parts joined. */
export function messageText(message: TutorMessage | undefined): string {
  return (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}
