// What a tutor turn takes and gives: the learner's request, the parts a UI shows as they come,
// and the summary of the whole turn.
import type { Verdict } from '../../exercise/index.js';

/** A learner message, or a command the UI sends without a model (buttons, slash commands). */
export type TurnAction =
  | { type: 'message' }
  | { type: 'answer'; answer: string; exercise?: string } // answer the open exercise, or `exercise` (opened first when another one is open)
  | { type: 'hint'; exercise?: string } // the next rung of the open (or the named) exercise's hint ladder
  | { type: 'lesson'; lesson: string } // open a lesson
  | { type: 'exercise'; exercise: string } // open an exercise
  | { type: 'language'; language: string }; // switch the reply language

export interface TurnRequest {
  /** Client-generated; re-sending the same id returns the stored outcome and does no work again. */
  turnId: string;
  learner: string;
  text: string;
  action?: TurnAction;
  /**
   * The lesson the learner has open beside the chat (the web app's lesson page). A message is about
   * what they read: when the tutor is on another lesson, it moves to this one first (as /lesson
   * would), so the reply is grounded in it. Unknown ids are ignored.
   */
  lesson?: string;
}

export type NoticeCode = 'offline' | 'answer-withheld' | 'language-retry' | 'hint-locked' | 'not-found' | 'replayed';

/** Parts of a turn, in the order a UI should show them. Every text here has passed the output guard. */
export type TutorStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'lesson'; lesson: string; title: string; sections: { id: string; heading: string; text: string }[] }
  | { type: 'exercise'; exercise: string; prompt: string; choices?: { id: string; text: string }[] }
  | { type: 'hint'; exercise: string; rung: number; text: string; reveals: boolean }
  | { type: 'verdict'; exercise: string; verdict: Verdict['verdict']; feedback?: string; message?: string; misconception?: string; tests?: { name: string; passed: boolean; message?: string }[]; output?: string }
  | { type: 'tool-result'; tool: string; output: unknown }
  | { type: 'progress'; skills: { skill: string; title: string; mastery: number; opportunities: number; status: string }[] } // opportunities: graded answers the mastery rests on
  | { type: 'notice'; code: NoticeCode; message: string; count?: number }; // count: attempts left before a hint opens

export interface TurnSummary {
  turnId: string;
  /** True when this turn id had been answered before and nothing was done again. */
  replayed: boolean;
  /** `command`: a slash command answered without asking a model. */
  mode: 'model' | 'no-model' | 'command';
  language: string;
  /** The tutor's reply as the learner saw it (guarded). */
  text: string;
  parts: TutorStreamPart[];
  tools: string[];
  verdicts: { exercise: string; verdict: Verdict['verdict']; misconception?: string }[];
  hints: { exercise: string; rung: number; reveals: boolean }[];
  citations: string[];
  /** Sentences the output guard withheld. */
  leaksBlocked: number;
  tier?: string;
  provider?: string;
  model?: string;
  tokens: { input: number; output: number; prompt: number; stablePrefix: number };
  /** In no-model mode: why no model answered (for operators; the learner gets a notice in their language). */
  offline?: string;
  activity?: { kind: string; lesson?: string; exercise?: string; reason: string };
  notices: string[];
}
