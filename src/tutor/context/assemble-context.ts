// Builds what the model sees for one tutor turn, within a token budget. The stable prefix
// (policy, course and lesson frame) comes first and stays byte-identical across the turns of a
// lesson so providers can cache it; retrieved course text, the learner and the conversation follow.
// Every input is public: this function cannot see an answer key.
import { estimateTokens, type PublicBundle } from '../../course/index.js';
import type { PolicyPrompt } from '../prompts/policy-v1.js';
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
  summary?: string; // rolling summary of turns older than `turns`
  turns: Turn[]; // recent turns, oldest first
  message: string; // the learner's new message
  budgetTokens?: number; // default 3,000 input tokens
}

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface TutorContext {
  system: string; // the stable prefix
  messages: ModelMessage[];
  citations: string[]; // ids of the course chunks included
  tokens: { total: number; stablePrefix: number };
}

const maxChunks = 4;
const maxMemoryItems = 12;

export function assembleContext(input: TutorContextInput): TutorContext {
  const budget = input.budgetTokens ?? 3000;
  const system = stablePrefix(input);
  const request = [exerciseSection(input), `Learner: ${input.message}`].filter(Boolean).join('\n\n');
  const learner = learnerSection(input.learner);
  let used = estimateTokens(system) + estimateTokens(request) + estimateTokens(learner);

  // Course text: the best chunks that fit, keeping a quarter of what is left for the conversation.
  const query = [input.message, input.exercise?.prompt ?? ''].join(' ');
  const chunkBudget = Math.max(0, (budget - used) * 0.75);
  const chunks: string[] = [];
  const citations: string[] = [];
  let chunkTokens = 0;
  for (const chunk of input.index.search(query, { lesson: input.lesson, limit: maxChunks })) {
    const text = `[${chunk.id}] ${chunk.heading}\n${chunk.text}`;
    if (chunkTokens + estimateTokens(text) > chunkBudget) continue;
    chunks.push(text);
    citations.push(chunk.id);
    chunkTokens += estimateTokens(text);
  }
  used += chunkTokens;
  const courseSection = chunks.length
    ? `Course excerpts (cite by id):\n\n${chunks.join('\n\n')}`
    : 'No course excerpt matches this message. If the course does not cover it, say so and note the question for the teacher.';
  used += estimateTokens(courseSection) - chunkTokens;

  const summary = input.summary ? `Earlier in this conversation: ${truncate(input.summary, 200)}` : '';
  used += estimateTokens(summary);

  // Recent turns, newest first, while they fit.
  const history: ModelMessage[] = [];
  for (const turn of [...input.turns].reverse()) {
    const tokens = estimateTokens(turn.text) + 4;
    if (used + tokens > budget) break;
    history.unshift({ role: turn.role === 'learner' ? 'user' : 'assistant', content: turn.text });
    used += tokens;
  }

  const context = ['<context>', courseSection, learner, summary, '</context>'].filter(Boolean).join('\n\n');
  const messages: ModelMessage[] = [...history, { role: 'user', content: `${context}\n\n${request}` }];
  return {
    system,
    messages,
    citations,
    tokens: { total: estimateTokens(system) + messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0), stablePrefix: estimateTokens(system) },
  };
}

function stablePrefix({ bundle, policy, lesson: lessonId }: TutorContextInput): string {
  const { course } = bundle;
  const skills = course.skills.map((s) => `- ${s.id}: ${s.title}`).join('\n');
  const glossary = course.glossary.map((g) => `- ${g.term}${g.translate ? '' : ' (never translate)'}: ${g.definition}`).join('\n');
  const lesson = bundle.lessons.find((l) => l.id === lessonId);
  const outline = lesson ? bundle.chunks.filter((c) => c.lesson === lesson.id).map((c) => `- [${c.id}] ${c.heading}`).join('\n') : '';
  return [
    policy.text,
    `Course: ${course.title} (written in ${course.language}).${course.description ? ` ${course.description}` : ''}`,
    `Skills:\n${skills}`,
    glossary ? `Glossary:\n${glossary}` : '',
    lesson ? `Current lesson: ${lesson.title} (${lesson.id}). Sections:\n${outline}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function learnerSection(learner: LearnerView): string {
  const mastery = learner.mastery.map((m) => `${m.title} ${Math.round(m.mastery * 100)}% (${m.status})`).join('; ');
  const memory = learner.memory.slice(-maxMemoryItems).map((m) => `- ${m.text}`).join('\n');
  return [
    `Learner: reply in language "${learner.language}".`,
    learner.background ? `Background: ${truncate(learner.background, 80)}${learner.tags?.length ? ` (${learner.tags.join(', ')})` : ''}. Use it for analogies.` : '',
    learner.goals ? `Goals: ${truncate(learner.goals, 60)}` : '',
    mastery ? `Mastery: ${mastery}` : '',
    memory ? `What you know about this learner:\n${memory}` : '',
    learner.activity ? `Next step chosen by the course plan: ${learner.activity}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function exerciseSection({ exercise }: TutorContextInput): string {
  return exercise ? `Open exercise ${exercise.id} (do not give its answer):\n${exercise.prompt}` : '';
}

function truncate(text: string, tokens: number): string {
  const limit = tokens * 4;
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
