// Splits the conversation so far into a rolling summary of older turns and the recent turns kept
// verbatim, so that the prompt grows append-only: the split point moves only every `summaryEvery`
// messages, and between two moves each prompt starts with the previous one (a provider's prompt
// cache can reuse it). Pure and deterministic: the same conversation always gives the same text.

/** One message of the conversation, as the tutor context sees it. */
export interface Turn {
  role: 'learner' | 'tutor';
  text: string;
}

export interface ConversationWindow {
  summary: string; // '' when nothing is summarised yet
  summarised: number; // how many of the oldest messages the summary covers
  turns: Turn[]; // the messages after those, oldest first, each as the model sees it
}

export interface WindowOptions {
  summaryEvery?: number; // the split point moves in steps of this many messages (default 11)
  keepAtLeast?: number; // messages always kept verbatim (default 2: the last exchange)
  /** Messages before `conversation[0]` that the caller did not pass (a journal returns only the latest); the split stays aligned to the whole conversation. */
  earlierMessages?: number;
}

/**
 * Example: with 24 messages and the defaults, messages 1–22 are summarised and 23–24 kept; later ones
 * are appended after them; at 35 messages the summary moves to cover 1–34 (the verbatim part starts
 * with the learner's message 35, not the tutor's 34th).
 */
export function windowConversation(conversation: readonly Turn[], options: WindowOptions = {}): ConversationWindow {
  const every = options.summaryEvery ?? 11;
  const keep = options.keepAtLeast ?? 2;
  const earlier = options.earlierMessages ?? 0;
  const splitInWhole = Math.max(0, Math.floor((earlier + conversation.length - keep) / every) * every);
  let split = Math.max(0, splitInWhole - earlier);
  // Start the verbatim part with a learner message: providers expect a conversation to open with the user.
  while (split < conversation.length && conversation[split]!.role !== 'learner') split++;
  const turns = conversation.slice(split).filter((turn) => turn.text.trim() !== '').map(asModelSees);
  // The summary reads only the last few blocks before the split, so it is the same whichever latest messages the caller passed.
  const from = Math.max(0, split - summaryBlocks * every);
  return { summary: summarise(conversation.slice(from, split), earlier + from), summarised: earlier + split, turns };
}

const summaryBlocks = 2; // 22 messages by default: always among the 40 latest a journal returns, whatever the window

/** Commands are stored as typed ("/answer 4"); the model reads them as the learner meant them. */
export function asModelSees(turn: Turn): Turn {
  if (turn.role !== 'learner') return turn;
  const answer = /^\/answer\s+([\s\S]*)$/.exec(turn.text);
  return answer ? { role: 'learner', text: `My answer: ${answer[1]}` } : turn;
}

const questionsKept = 4;
const questionLength = 60;

/** A compact, deterministic account of older messages: what the learner asked, opened, answered, and what was cited. */
export function summarise(older: readonly Turn[], before = 0): string {
  if (older.length === 0) return before ? `Earlier in this conversation: ${before} messages, not shown.` : '';
  const questions: string[] = [];
  const answers: string[] = [];
  const opened: string[] = [];
  const cited = new Set<string>();
  let hints = 0;
  for (const turn of older) {
    if (turn.role === 'tutor') {
      for (const match of turn.text.matchAll(/\[([a-z0-9-]+#[a-z0-9/-]+)\]/g)) cited.add(match[1]!);
      continue;
    }
    const command = /^\/(\w+)\s*(.*)$/s.exec(turn.text.trim());
    if (!command) questions.push(clip(turn.text.replace(/\s+/g, ' ').trim(), questionLength));
    else if (command[1] === 'answer') answers.push(clip(command[2]!, 30));
    else if (command[1] === 'hint') hints++;
    else if ((command[1] === 'exercise' || command[1] === 'lesson') && command[2]) opened.push(`${command[1]} ${command[2]}`);
  }
  const lines = [
    questions.length ? `The learner asked: ${questions.slice(-questionsKept).map((question) => `"${question}"`).join('; ')}.` : '',
    opened.length ? `Opened: ${opened.join(', ')}.` : '',
    answers.length ? `Answers tried: ${answers.join(', ')}.` : '',
    hints ? `Hints asked for: ${hints}.` : '',
    cited.size ? `You cited (as [lesson#section]): ${citedByLesson(cited)}.` : '',
  ];
  return `Earlier in this conversation (${older.length} messages, summarised${before ? `; ${before} before them not shown` : ''}):\n${lines.filter(Boolean).join('\n')}`;
}

/** Chunk ids `a#x, a#y, b#z` as `a: x, y; b: z`: each lesson's id once. */
function citedByLesson(ids: ReadonlySet<string>): string {
  const byLesson = new Map<string, string[]>();
  for (const id of ids) {
    const [lesson, section] = id.split('#') as [string, string];
    byLesson.set(lesson, [...(byLesson.get(lesson) ?? []), section]);
  }
  return [...byLesson].map(([lesson, sections]) => `${lesson}: ${sections.join(', ')}`).join('; ');
}

function clip(text: string, characters: number): string {
  return text.length <= characters ? text : `${text.slice(0, characters - 1)}…`;
}
