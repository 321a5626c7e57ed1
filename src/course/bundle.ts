// The compiled course: `public` is everything a learner may see; `keys` is everything only the
// checkers and the output guard may read. Nothing in PublicBundle may reveal an answer.
import type { CourseFile, Mistake, Template, Tolerance } from './schema.js';

export const bundleFormat = 1;

/** A piece of lesson text for retrieval and translation; its id stays stable when other parts of the lesson change. */
export interface Chunk {
  id: string; // `${lessonId}#${headingSlug}` plus `-2`, `-3`… for later parts of a long section
  lesson: string;
  heading: string; // the heading path, e.g. "The chain rule › A worked example"
  text: string; // Markdown
  hash: string; // sha256 of text: the translation cache key
  tokens: number; // estimated
}

export type LessonBlock =
  | { kind: 'markdown'; text: string }
  | { kind: 'exercise'; exercise: string };

export interface PublicLesson {
  id: string;
  file: string;
  title: string;
  skills: string[];
  prerequisites: string[];
  minutes: number;
  blocks: LessonBlock[]; // prose and exercises, in order
}

export interface PublicHint {
  rung: number; // 1-based position in the ladder
  text: string;
}

interface PublicExerciseBase {
  id: string;
  lesson?: string;
  file: string;
  line: number;
  skills: string[];
  prompt: string; // for templates, with {{variables}}
  difficulty: number;
  hints: PublicHint[]; // rungs that do not reveal the answer
  hintCount: number; // total rungs, revealing ones included
  revealingHintRungs: number[]; // which rungs reveal (their text is in keys)
  minAttempts: number; // attempts before a revealing rung may be shown
  hasExplanation: boolean;
}

export type PublicExercise = PublicExerciseBase &
  (
    | { type: 'choice'; multiple: boolean; choices: { id: string; text: string }[] }
    | { type: 'numeric'; unit?: string; template?: PublicTemplate }
    | { type: 'expression'; variables: string[]; form: 'any' | 'simplified' | 'factored' | 'expanded'; template?: PublicTemplate }
    | { type: 'text' }
    | { type: 'free-response'; rubric: { criterion: string; points: number }[] }
    | { type: 'code'; language: 'python' | 'javascript'; starter: string; tests: { name: string }[] }
  );

/** What a learner-facing renderer needs to instantiate a template: variable names only, never the solution. */
export interface PublicTemplate {
  variables: string[];
}

/** A template exercise draws new numbers for each variant (a learner's next one after each right answer). */
export function isTemplateExercise(exercise: PublicExercise): boolean {
  return 'template' in exercise && exercise.template !== undefined;
}

export type ExerciseKey =
  | { type: 'choice'; correct: string[]; mistakes: Mistake[]; revealingHints: PublicHint[]; explanation?: string }
  | { type: 'numeric'; answer?: number; tolerance?: Tolerance; unit?: string; template?: Template; mistakes: Mistake[]; revealingHints: PublicHint[]; explanation?: string }
  | { type: 'expression'; answer?: string; variables: Record<string, [number, number]>; form: 'any' | 'simplified' | 'factored' | 'expanded'; template?: Template; mistakes: Mistake[]; revealingHints: PublicHint[]; explanation?: string }
  | { type: 'text'; accept: string[]; patterns: string[]; caseSensitive: boolean; ignoreDiacritics: boolean; mistakes: Mistake[]; revealingHints: PublicHint[]; explanation?: string }
  | { type: 'free-response'; reference: string; mistakes: Mistake[]; revealingHints: PublicHint[]; explanation?: string }
  | { type: 'code'; language: 'python' | 'javascript'; solution: string; tests: { name: string; code: string; message: string }[]; mistakes: Mistake[]; revealingHints: PublicHint[]; explanation?: string };

export type PublicCourse = Omit<CourseFile, never>;

export interface PublicBundle {
  format: typeof bundleFormat;
  hash: string; // content hash of public + keys: the course version
  course: PublicCourse;
  lessons: PublicLesson[];
  exercises: PublicExercise[];
  chunks: Chunk[];
}

export interface KeysBundle {
  format: typeof bundleFormat;
  hash: string; // same as the public bundle's
  exercises: Record<string, ExerciseKey>;
}

export interface CourseBundle {
  public: PublicBundle;
  keys: KeysBundle;
}
