// The tools the tutor model may call. Each acts through the turn session and returns only what the
// model may know: verdicts and teacher feedback, public hint rungs, public course text — never a key.
import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { CourseIndex } from '../context/course-index.js';
import type { TurnSession } from '../turn/turn-session.js';

export interface TutorToolsOptions {
  session: TurnSession;
  index: CourseIndex;
  /** Ids of the events that hold this turn's learner message: the evidence of a note. */
  evidence: string[];
  /** Called with each tool's name, in call order. */
  onCall: (name: string) => void;
  /** Called when `search_course` finds nothing (so no chunk is near): the learner's question goes to the teacher. */
  onNothingFound?: (nearest: string[]) => void;
}

// Made once: the SDK turns each into JSON Schema on first use and keeps it, instead of converting every turn.
const inputs = {
  check_answer: zodSchema(z.object({ answer: z.string().describe('The answer exactly as the learner gave it.') })),
  give_hint: zodSchema(z.object({})),
  show_exercise: zodSchema(z.object({ exercise: z.string().optional().describe('Exercise id; leave out for the planned one.') })),
  search_course: zodSchema(z.object({ query: z.string() })),
  note_learner: zodSchema(z.object({ text: z.string().min(1).max(300) })),
  set_profile: zodSchema(z.object({ language: z.string().min(2).max(20).optional(), background: z.string().max(500).optional(), goals: z.string().max(300).optional(), tags: z.array(z.string()).max(10).optional() })),
};

export const tutorToolNames = ['check_answer', 'give_hint', 'show_exercise', 'search_course', 'note_learner', 'set_profile'] as const;

export function createTutorTools({ session, index, evidence, onCall, onNothingFound }: TutorToolsOptions) {
  return {
    check_answer: tool({
      description: "Check the learner's answer to the open exercise. Returns the verdict and the teacher's feedback, never the correct answer.",
      inputSchema: inputs.check_answer,
      execute: async ({ answer }) => {
        onCall('check_answer');
        const checked = await session.checkAnswer(answer);
        if (!checked) return { error: 'There is no open exercise. Use show_exercise first.' };
        return { ...checked.shown, ...(checked.tests ? { tests: checked.tests } : {}) };
      },
    }),
    give_hint: tool({
      description: "Show the learner the next rung of the teacher's hint ladder for the open exercise.",
      inputSchema: inputs.give_hint,
      execute: async () => {
        onCall('give_hint');
        const hint = await session.giveHint();
        if (!hint.given) return { shown: false, reason: hint.reason, message: hint.message };
        // A revealing rung was shown to the learner directly; the model never sees its text.
        return hint.reveals ? { shown: true, rung: hint.rung, reveals: true, note: 'The learner now sees the worked answer; ask them to explain it back.' } : { shown: true, rung: hint.rung, text: hint.text };
      },
    }),
    show_exercise: tool({
      description: 'Open an exercise of the course for the learner (by id), or the one the course plan chose when no id is given.',
      inputSchema: inputs.show_exercise,
      execute: async ({ exercise }) => {
        onCall('show_exercise');
        const id = exercise ?? session.state.activity?.exercise;
        const shown = id ? await session.openExercise(id, 'The tutor opened this exercise.') : undefined;
        // The learner sees the exercise itself (prompt and choices) with the reply: the model introduces it, not copies it.
        return shown ? { ...shown, note: 'The learner sees this exercise (prompt and choices) with your reply; introduce it in a sentence, do not repeat it.' } : { error: `No exercise "${exercise ?? ''}" in this course.` };
      },
    }),
    search_course: tool({
      description: 'Search the course text. Returns matching sections with their ids to cite.',
      inputSchema: inputs.search_course,
      execute: async ({ query }) => {
        onCall('search_course');
        const lesson = session.state.activity?.lesson;
        const chunks = index.search(query, { ...(lesson ? { lesson } : {}), limit: 3 });
        if (chunks.length === 0) onNothingFound?.([]);
        return chunks.length ? chunks.map((chunk) => ({ id: chunk.id, heading: chunk.heading, text: chunk.text.slice(0, 1200) })) : { found: false, note: 'The course does not cover this; say so and note the question for the teacher.' };
      },
    }),
    note_learner: tool({
      description: 'Remember something about the learner (a strength, a difficulty, an interest), with the evidence of this turn.',
      inputSchema: inputs.note_learner,
      execute: async ({ text }) => {
        onCall('note_learner');
        return { saved: session.note(text, evidence) };
      },
    }),
    set_profile: tool({
      description: "Record the learner's language (BCP 47 code), background or goals when they tell you.",
      inputSchema: inputs.set_profile,
      execute: async (fields) => {
        onCall('set_profile');
        return { saved: session.setProfile(fields) };
      },
    }),
  };
}

export type TutorTools = ReturnType<typeof createTutorTools>;
