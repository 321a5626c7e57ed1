// Builds what the model sees for one tutor turn, within a token budget, ordered so that each prompt
// starts with as much of the previous turn's prompt as possible (what a provider's prompt cache can
// reuse): the course frame (policy, course, lesson) and the learner's profile first, then the
// conversation in append-only form (a rolling summary that changes only every few turns, then the
// recent turns verbatim, each question with the course text retrieved for it), and last the material
// of this turn alone: the message with its course text, the open exercise and the learner's mastery.
// Every input is public: this function cannot see an answer key.
import { estimateTokens, type PublicBundle } from '../../course/index.js';
import type { PolicyPrompt } from '../prompts/policy-v1.js';
import { asModelSees, windowConversation, type Turn } from './conversation-window.js';
import { courseFrame } from './course-frame.js';
import type { CourseIndex } from './course-index.js';
import { excerptChunk } from './excerpt-chunk.js';

export interface LearnerView {
  language: string; // BCP 47 tag the tutor must reply in
  background?: string;
  tags?: string[];
  goals?: string;
  mastery: { skill: string; title: string; mastery: number; status: 'new' | 'learning' | 'mastered' | 'review-due' }[];
  memory: { id: string; text: string }[];
  activity?: string; // the progression policy's one-sentence reason, e.g. "We'll review the chain rule first — it's due today."
}

export type { Turn } from './conversation-window.js';

export interface TutorContextInput {
  bundle: PublicBundle;
  index: CourseIndex;
  policy: PolicyPrompt;
  lesson?: string;
  exercise?: { id: string; prompt: string }; // the open exercise as the learner sees it (a template already rendered)
  learner: LearnerView;
  /**
   * The conversation so far, oldest first. Pass all of it: older messages are folded into a rolling
   * summary that changes only every few turns (see `windowConversation`), so prompts grow append-only.
   * A caller that windows the conversation itself passes the recent turns with `summary`.
   */
  turns: Turn[];
  summary?: string; // only with a caller-windowed `turns`: a summary of the messages before them
  earlierMessages?: number; // messages of this conversation before `turns[0]` (when only the latest are passed); keeps the summary's steps aligned
  message: string; // the learner's new message
  budgetTokens?: number; // default 3,000 input tokens
}

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface TutorContext {
  system: string; // course frame, learner profile and the rolling summary: the start of the prompt, changing rarely
  messages: ModelMessage[]; // the recent turns, then this turn's message with its context
  citations: string[]; // ids of the course chunks included
  /** Estimated tokens (characters / 4); `stablePrefix`: everything before this turn's message, which the previous turn's prompt also began with unless the summary moved or the lesson changed. */
  tokens: { total: number; stablePrefix: number };
}

const relevance = 0.6; // a section is attached only if it scores at least this share of the best match
const excerptTokens = 140; // the most relevant paragraphs of a section, about this long
const answerExcerptTokens = 80; // course text for an answer: sent with this turn only (not repeated later), so kept short
const windowCourseTokens = 700; // course text attached across the recent turns, at most
const maxMemoryItems = 8;

export function assembleContext(input: TutorContextInput): TutorContext {
  const budget = input.budgetTokens ?? 3000;
  const window = input.summary === undefined ? windowConversation(input.turns, { ...(input.earlierMessages ? { earlierMessages: input.earlierMessages } : {}) }) : { summary: `Earlier in this conversation: ${truncate(input.summary, 200)}`, turns: input.turns.map(asModelSees) };
  const system = [courseFrame(input.bundle, input.policy, input.lesson), profileSection(input.learner), window.summary].filter(Boolean).join('\n\n');

  // Course text travels with the learner message that asked for it and stays there while that message
  // is in the recent turns, so later prompts repeat it unchanged. It is retrieved from the message alone
  // (and the lesson, which is in the frame): recomputed next turn, it comes out the same.
  const attached = new Set<string>();
  let attachedTokens = 0;
  const attach = (query: string, size = excerptTokens): { text: string; ids: string[] } => {
    const ranked = input.index.rank(query, { ...(input.lesson ? { lesson: input.lesson } : {}), limit: 3 });
    const best = ranked[0];
    const pick = ranked.find(({ chunk, score }) => score >= relevance * best!.score && !attached.has(chunk.id));
    if (!pick || attachedTokens >= windowCourseTokens) return { text: '', ids: [] };
    const text = excerptChunk(pick.chunk, query, size);
    attached.add(pick.chunk.id);
    attachedTokens += estimateTokens(text);
    return { text: `\n\n<course text="cite by id">\n${text}\n</course>`, ids: [pick.chunk.id] };
  };
  const asks = (text: string) => !text.startsWith('/') && !text.startsWith('My answer:');
  const history = window.turns.map((turn): ModelMessage => (turn.role === 'learner' ? { role: 'user', content: turn.text + (asks(turn.text) ? attach(turn.text).text : '') } : { role: 'assistant', content: turn.text }));
  const asked = asks(input.message) ? attach(input.message) : { text: '', ids: [] };
  // An answer or a command carries no question: the open exercise says what course text may help.
  const helpful = !asks(input.message) && input.exercise ? attach(input.exercise.prompt, answerExcerptTokens) : { text: '', ids: [] };
  const citations = [...attached];

  const exercise = input.exercise ? `Open exercise ${input.exercise.id} (never give its answer):\n${input.exercise.prompt}` : '';
  const noCourseText = attached.size === 0 ? 'No course text matches this message. If the course does not cover it, say so and note the question for the teacher.' : '';
  const tail = [exercise, helpful.text.trim(), noCourseText, learnerSection(input.learner)].filter(Boolean).join('\n\n');
  // The message and its course text come first, exactly as next turn's history will repeat them.
  const last = `${input.message}${asked.text}${tail ? `\n\n<context>\n${tail}\n</context>` : ''}`;

  // Over budget, the oldest recent turns go first (this breaks the cached prefix, so it is the last resort).
  const used = estimateTokens(system) + estimateTokens(last) + 4;
  let historyTokens = history.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
  while (history.length > 0 && used + historyTokens > budget) historyTokens -= estimateTokens(history.shift()!.content) + 4;
  while (history[0]?.role === 'assistant') historyTokens -= estimateTokens(history.shift()!.content) + 4;

  const stablePrefix = estimateTokens(system) + historyTokens;
  return {
    system,
    messages: [...history, { role: 'user', content: last }],
    citations,
    tokens: { total: stablePrefix + estimateTokens(last) + 4, stablePrefix },
  };
}

/** What the learner told us about themselves: changes rarely, so it sits with the frame. */
function profileSection(learner: LearnerView): string {
  return [
    `The learner: reply in language "${learner.language}".`,
    learner.background ? `Background: ${truncate(learner.background, 80)}${learner.tags?.length ? ` (${learner.tags.join(', ')})` : ''}. Use it for analogies.` : '',
    learner.goals ? `Goals: ${truncate(learner.goals, 60)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** What changes from turn to turn: mastery, memory and the plan's next step. */
function learnerSection(learner: LearnerView): string {
  const mastery = learner.mastery.map((m) => `${m.title} ${Math.round(m.mastery * 100)}% (${m.status})`).join('; ');
  const memory = learner.memory.slice(-maxMemoryItems).map((m) => `- ${m.text}`).join('\n');
  return [
    mastery ? `Mastery: ${mastery}` : '',
    memory ? `What you know about this learner:\n${memory}` : '',
    learner.activity ? `Next step chosen by the course plan: ${learner.activity}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function truncate(text: string, tokens: number): string {
  const limit = tokens * 4;
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
