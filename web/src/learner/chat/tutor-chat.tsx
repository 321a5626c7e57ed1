// The tutor chat beside a lesson. useChat streams a turn from POST …/turns; the transport sends only
// ApiTurnRequest: the new learner message's id as turnId, its text and action, and the lesson open beside it. "Try again" resends the
// SAME turn id, which the server recognises and replays, so nothing is done twice.
// An exercise card on the page answers and asks for hints through this chat too (`answer` and `hint` on
// the handle): its verdict or hint comes back as soon as the tutor gives it, and the tutor's words
// about it stream in here.
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { api, coursePath } from '../../api/client.ts';
import { newId } from '../../api/new-id.ts';
import type { ApiChatHistory, ApiTurnDataParts, ApiTurnRequest, ApiVerdict } from '../../api/types.ts';
import { useApiData } from '../../api/use-api-data.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Skeleton } from '../../ui/spinner.tsx';
import { ChatMessageView, exercisesShown, saysOffline, type ChatMessageContext } from './chat-message-view.tsx';
import { historyToMessages, messageText, type TutorMessage } from './tutor-message.ts';

export interface TutorChatProps extends ChatMessageContext {
  onProgress(progress: ApiTurnDataParts['progress']): void;
  /** A hint or a verdict the tutor showed for an exercise, so its card on the page shows it too. */
  onExercisePart(part: { type: 'hint'; data: ApiTurnDataParts['hint'] } | { type: 'verdict'; data: ApiTurnDataParts['verdict'] }): void;
  ref?: Ref<TutorChatHandle>;
}

export interface TutorChatHandle {
  /**
   * Sends an exercise card's answer as a turn of this chat (after the reply in progress, if any), shown
   * in the chat as `shown` (a choice answer by the letters on the card); resolves with the checker's
   * verdict as soon as it arrives, or undefined when the turn ended without one.
   */
  answer(exercise: string, answer: string, shown: string): Promise<ApiVerdict | undefined>;
  /**
   * Asks for the exercise's next hint as a turn of this chat (after the reply in progress, if any);
   * resolves with the rung as soon as it arrives, or at the turn's end with its notice (why no rung
   * came), or undefined when the turn did not go through.
   */
  hint(exercise: string): Promise<{ hint?: ApiTurnDataParts['hint']; notice?: string } | undefined>;
}

type Action = NonNullable<ApiTurnRequest['action']>;

/** A card's turn, waiting to be sent or streaming: it sees the turn's data parts, then its end. */
interface CardTurn {
  text: string;
  action: Action;
  take(part: { type: string; data: unknown }): void;
  end(): void;
}

export function TutorChat({ onProgress, onExercisePart, ref, ...context }: TutorChatProps) {
  const { t } = useTranslation('learner');
  const { course, lesson } = context;
  const history = useApiData<ApiChatHistory>(coursePath(course, 'messages'));
  const [earlier, setEarlier] = useState<{ more: boolean; loading: boolean; error?: unknown }>({ more: false, loading: false });
  const [input, setInput] = useState('');
  const [touchKeyboard] = useState(() => window.matchMedia?.('(pointer: coarse)').matches ?? false); // a phone or tablet
  const list = useRef<HTMLOListElement>(null);
  const handlers = useRef({ onProgress, onExercisePart });
  handlers.current = { onProgress, onExercisePart };
  const viewed = useRef(lesson); // read when a turn is sent: the chat outlives moving between lessons
  viewed.current = lesson;

  const transport = useMemo(
    () =>
      new DefaultChatTransport<TutorMessage>({
        api: coursePath(course, 'turns'),
        credentials: 'same-origin',
        prepareSendMessagesRequest: ({ messages }) => {
          const last = [...messages].reverse().find((message) => message.role === 'user');
          // The lesson beside the chat: the tutor teaches from what the learner is reading.
          const body: ApiTurnRequest = { turnId: last?.id ?? newId(), text: messageText(last), action: last?.metadata?.action ?? { type: 'message' }, lesson: viewed.current };
          return { body };
        },
      }),
    [course],
  );

  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } = useChat<TutorMessage>({
    id: `course:${course}`,
    transport,
    generateId: newId,
    onData: (part) => {
      if (part.type === 'data-progress') handlers.current.onProgress(part.data as ApiTurnDataParts['progress']);
      if (part.type === 'data-hint') handlers.current.onExercisePart({ type: 'hint', data: part.data as ApiTurnDataParts['hint'] });
      if (part.type === 'data-verdict') handlers.current.onExercisePart({ type: 'verdict', data: part.data as ApiTurnDataParts['verdict'] });
      cardTurn.current?.take(part);
    },
  });

  // Cards' turns wait here while a reply streams, then go one turn at a time.
  const queue = useRef<CardTurn[]>([]);
  const cardTurn = useRef<CardTurn>(undefined); // the card's turn streaming now
  const currentStatus = useRef(status); // read by sendNext, which runs outside a render
  currentStatus.current = status;
  const sendNext = () => {
    if (cardTurn.current || currentStatus.current === 'submitted' || currentStatus.current === 'streaming') return;
    const next = queue.current.shift();
    if (!next) return;
    cardTurn.current = next;
    clearError();
    void sendMessage({ text: next.text, metadata: { action: next.action } }).finally(() => {
      cardTurn.current = undefined;
      next.end();
      sendNext();
    });
  };
  useEffect(sendNext, [status]); // a reply ended: the next card's turn goes
  const sendForCard = (turn: CardTurn) => {
    queue.current.push(turn);
    sendNext();
  };
  useImperativeHandle(ref, () => ({
    answer: (exercise, answer, shown) =>
      new Promise((resolve) => {
        let verdict: ApiVerdict | undefined;
        sendForCard({
          text: `/answer ${shown}`,
          action: { type: 'answer', exercise, answer },
          take(part) {
            if (verdict || part.type !== 'data-verdict' || (part.data as ApiTurnDataParts['verdict']).exercise !== exercise) return;
            verdict = part.data as ApiTurnDataParts['verdict'];
            resolve(verdict); // at once: the tutor's words about it still stream into the chat
          },
          end: () => resolve(verdict), // undefined when no verdict came (a refusal, a failure)
        });
      }),
    hint: (exercise) =>
      new Promise((resolve) => {
        let notice: string | undefined;
        let ended = false; // the turn's closing part came: it went through
        sendForCard({
          text: '/hint',
          action: { type: 'hint', exercise },
          take(part) {
            if (part.type === 'data-hint' && (part.data as ApiTurnDataParts['hint']).exercise === exercise) resolve({ hint: part.data as ApiTurnDataParts['hint'] });
            const said = part.type === 'data-notice' ? (part.data as ApiTurnDataParts['notice']) : undefined;
            if (said && said.code !== 'offline') notice = said.message; // why no rung came (the chat says it is offline, not the card)
            if (part.type === 'data-turn') ended = true;
          },
          end: () => resolve(ended ? (notice ? { notice } : {}) : undefined),
        });
      }),
  }));

  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current || !history.data) return;
    loaded.current = true;
    setEarlier({ more: history.data.earlier, loading: false });
    // A turn sent before the history came (typed, or a card's) is already here: the history goes before it, without that turn.
    const past = historyToMessages(history.data.messages);
    setMessages((current) => {
      const sent = new Set(current.map((message) => message.id));
      return [...past.filter((message) => !sent.has(message.id.replace(/:reply$/, ''))), ...current];
    });
  }, [history.data, setMessages]);

  // New messages scroll the chat to the bottom; earlier ones, added above, keep the place the learner is reading.
  const keepPlace = useRef<number | undefined>(undefined);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    element.scrollTop = keepPlace.current === undefined ? element.scrollHeight : element.scrollHeight - keepPlace.current;
    keepPlace.current = undefined;
  }, [messages]);

  async function showEarlier() {
    const oldest = messages.find((message) => message.role === 'user')?.id;
    if (!oldest) return;
    setEarlier({ more: true, loading: true });
    try {
      const page = await api<ApiChatHistory>(`${coursePath(course, 'messages')}?before=${encodeURIComponent(oldest)}`);
      keepPlace.current = (list.current?.scrollHeight ?? 0) - (list.current?.scrollTop ?? 0);
      setMessages([...historyToMessages(page.messages), ...messages]); // while `loading`, the list is not live: old messages are not read out
      window.setTimeout(() => setEarlier({ more: page.earlier, loading: false }), 0);
    } catch (error) {
      setEarlier({ more: true, loading: false, error });
    }
  }

  const busy = status === 'submitted' || status === 'streaming';
  const firstOffline = messages.findIndex(saysOffline); // the chat says the assistant is offline once
  // For each message, the exercises the tutor's message before it showed (one shown again right after is only its button).
  const shownBefore = useMemo(() => {
    let previous = new Set<string>();
    return messages.map((message) => {
      const before = previous;
      if (message.role === 'assistant') previous = exercisesShown(message);
      return before;
    });
  }, [messages]);

  // A turn the server refused (a mistyped command, a message over the limit, too many a minute) was not
  // sent: its message goes back into the box to be corrected, with the server's reason above it.
  const refusal = error ? refusalReason(error) : undefined;
  useEffect(() => {
    if (refusal === undefined) return;
    const last = messages.at(-1);
    if (last?.role !== 'user') return;
    setMessages(messages.slice(0, -1));
    const action = last.metadata?.action?.type;
    if (action !== 'answer' && action !== 'hint') setInput(messageText(last)); // a card's answer or hint request stays on its card
  }, [refusal]); // once per refusal: the messages it removes from are those of that moment

  /** Sends a typed message (or a suggestion); false when a reply is still on its way (the message stays in the box). */
  function send(text: string, action: Action = { type: 'message' }): boolean {
    if (!text.trim() || busy || cardTurn.current) return false;
    clearError();
    void sendMessage({ text: text.trim(), metadata: { action } });
    return true;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (send(input)) setInput('');
  }

  const suggestions: { label: string; action: ApiTurnRequest['action'] }[] = [
    { label: t('chat.suggestWalkthrough'), action: { type: 'message' } },
    { label: t('chat.suggestSimpler'), action: { type: 'message' } },
    { label: t('chat.suggestQuiz'), action: { type: 'message' } },
  ];

  return (
    <section className="tutor-chat" aria-labelledby="tutor-chat-title">
      <h2 id="tutor-chat-title" className="chat-title">
        {t('chat.title')}
      </h2>
      {history.error && <ErrorMessage error={history.error} onRetry={history.reload} />}
      {!history.data && !history.error ? (
        <Skeleton lines={4} />
      ) : (
        <ol className="chat-messages" ref={list} aria-live={earlier.loading ? 'off' : 'polite'} aria-busy={busy} aria-label={t('chat.conversation')}>
          {messages.length === 0 && <li className="chat-empty muted">{t('chat.empty')}</li>}
          {earlier.more && (
            <li className="chat-earlier">
              <Button size="small" variant="quiet" busy={earlier.loading} onClick={() => void showEarlier()}>
                {t('chat.earlier')}
              </Button>
              {earlier.error !== undefined && <ErrorMessage error={earlier.error} />}
            </li>
          )}
          {messages.map((message, index) => (
            <ChatMessageView
              key={message.id}
              message={message}
              context={context}
              streaming={busy && index === messages.length - 1}
              offlineSaid={firstOffline >= 0 && index > firstOffline}
              shownJustBefore={shownBefore[index]!}
            />
          ))}
          {status === 'submitted' && messages.at(-1)?.role === 'user' && (
            <li className="chat-message from-tutor">
              <div className="chat-bubble">
                <span className="typing" aria-label={t('chat.thinking')}>
                  <span />
                  <span />
                  <span />
                </span>
              </div>
            </li>
          )}
        </ol>
      )}
      {refusal !== undefined ? <ErrorMessage error={new Error(refusal)} title={t('chat.refused')} /> : error && <ErrorMessage error={new Error(t('chat.failed'))} onRetry={() => void regenerate()} />}
      {messages.length === 0 && history.data && (
        <ul className="chips chat-suggestions" aria-label={t('chat.suggestions')}>
          {suggestions.map((suggestion) => (
            <li key={suggestion.label}>
              <button type="button" className="chip" onClick={() => send(suggestion.label, suggestion.action)} disabled={busy}>
                {suggestion.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="chat-form" onSubmit={submit}>
        <label htmlFor="chat-input" className="visually-hidden">
          {t('chat.inputLabel')}
        </label>
        <textarea
          id="chat-input"
          rows={2}
          value={input}
          maxLength={4000}
          placeholder={t(touchKeyboard ? 'chat.placeholderTouch' : 'chat.placeholder')}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={(event) => {
            // A phone's keyboard has no Shift+Enter: there Enter starts a new line and Send sends.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && !touchKeyboard) {
              event.preventDefault();
              if (send(input)) setInput('');
            }
          }}
        />
        {busy ? (
          <Button onClick={() => void stop()}>
            <span aria-hidden="true">■</span> {t('chat.stop')}
          </Button>
        ) : (
          <Button type="submit" variant="primary" disabled={!input.trim()}>
            {t('chat.send')}
          </Button>
        )}
      </form>
      <p className="muted small chat-footnote">{t('chat.footnote')}</p>
    </section>
  );
}

/** The server's reason when it refused a turn (a 4xx with `{ error }`, which the transport throws as its body), else undefined. */
function refusalReason(error: Error): string | undefined {
  try {
    const body: unknown = JSON.parse(error.message);
    return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
  } catch {
    return undefined;
  }
}
