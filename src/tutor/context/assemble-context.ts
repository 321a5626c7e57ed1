// Builds what the model sees for one tutor turn, within a token budget, ordered so that each prompt
// starts with as much of the previous turn's prompt as possible (what a provider's prompt cache can
// reuse): the course frame (policy, course, lesson) first, then the conversation in append-only form
// (a rolling summary that changes only every few turns, then the recent turns verbatim), and last the
// material of this turn alone: the learner's message, the open exercise, retrieved course text and
// the learner's mastery. Every input is public: this function cannot see an answer key.
import { estimateTokens, type PublicBundle } from '../../course/index.js';
import type { PolicyPrompt } from '../prompts/policy-v1.js';
import { asModelSees, windowConversation } from './conversation-window.js';
import { courseFrame } from './course-frame.js';
import type { CourseIndex } from './course-index.js';

export interface LearnerView {
  language: string; // BCP 47 tag the tutor must reply in
  background?: string;
  tags?: string[];
  goals?: string;
  mastery: { skill: string; title: string; mastery: number; status: 'new' | 'learning' | 'mastered' | 'review-due' }[];
  memory: { id: string; text: string }[];
  activity?: string; // the progression policy's one-sentence reason, e.g. "We'll review the chain rule first — it's due today."
}

export interface Turn {
  role: 'learner' | 'tutor';
  text: string;
}

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

const maxChunks = 2; // retrieved sections per turn; a second only when nearly as relevant as the first
const secondChunkRelevance = 0.6; // a further section must score at least this share of the best one
const maxChunkTokens = 700;
const maxMemoryItems = 8;

export function assembleContext(input: TutorContextInput): TutorContext {
  const budget = input.budgetTokens ?? 3000;
  const window = input.summary === undefined ? windowConversation(input.turns) : { summary: `Earlier in this conversation: ${truncate(input.summary, 200)}`, turns: input.turns.map(asModelSees) };
  const system = [courseFrame(input.bundle, input.policy, input.lesson), profileSection(input.learner), window.summary].filter(Boolean).join('\n\n');
  const exercise = input.exercise ? `Open exercise ${input.exercise.id} (never give its answer):\n${input.exercise.prompt}` : '';
  const learner = learnerSection(input.learner);
  let used = estimateTokens(system) + estimateTokens([input.message, exercise, learner].join('\n\n')) + 12;

  // Course text: the most relevant sections that fit, keeping room for the recent turns.
  const chunkBudget = Math.min(maxChunkTokens, Math.max(0, (budget - used) * 0.5));
  const ranked = input.index.rank([input.message, input.exercise?.prompt ?? ''].join(' '), { ...(input.lesson ? { lesson: input.lesson } : {}), limit: maxChunks });
  const chunks: string[] = [];
  const citations: string[] = [];
  let chunkTokens = 0;
  for (const { chunk, score } of ranked) {
    const text = `[${chunk.id}] ${chunk.heading}\n${chunk.text}`;
    if (score < secondChunkRelevance * ranked[0]!.score || chunkTokens + estimateTokens(text) > chunkBudget) continue;
    chunks.push(text);
    citations.push(chunk.id);
    chunkTokens += estimateTokens(text);
  }
  const courseSection = chunks.length
    ? `Course text (cite by id):\n${chunks.join('\n\n')}`
    : 'No course text matches this message. If the course does not cover it, say so and note the question for the teacher.';
  used += estimateTokens(courseSection);

  // Recent turns: while over budget, the oldest go first (this breaks the cached prefix, so it is the last resort).
  const history = window.turns.map((turn): ModelMessage => ({ role: turn.role === 'learner' ? 'user' : 'assistant', content: turn.text }));
  let historyTokens = history.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
  while (history.length > 0 && used + historyTokens > budget) historyTokens -= estimateTokens(history.shift()!.content) + 4;
  while (history[0]?.role === 'assistant') historyTokens -= estimateTokens(history.shift()!.content) + 4;

  // The message comes first, so next turn's prompt (where it is a plain history message) shares it.
  const last = `${input.message}\n\n<context>\n${[exercise, courseSection, learner].filter(Boolean).join('\n\n')}\n</context>`;
  const messages: ModelMessage[] = [...history, { role: 'user', content: last }];
  const stablePrefix = estimateTokens(system) + historyTokens;
  return {
    system,
    messages,
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
