// The course format as Zod schemas. They validate course files, give the TypeScript types,
// and generate the JSON Schema that teachers' editors use (`schemas/*.schema.json`).
// Every `.describe()` text is shown to a teacher typing in an editor, so write it for them.
import { z } from 'zod';

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens, starting with a letter or digit')
  .describe('A stable identifier: lowercase letters, digits and hyphens, e.g. `chain-rule`.');

const markdown = z.string().min(1).describe('Markdown text; math as $…$ or $$…$$.');

export const skillSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1).describe('Short name a learner understands, e.g. "The chain rule".'),
    description: z.string().min(1).describe('One or two sentences: what a learner who has this skill can do.'),
    prerequisites: z.array(idSchema).default([]).describe('Ids of skills that must be mastered first. Together they must form a DAG (no cycles).'),
    hard: z.boolean().default(false).describe('Mark skills that learners find hard; the tutor may call a stronger model for them.'),
  })
  .describe('A skill the course teaches and tracks mastery of.');

export const glossaryEntrySchema = z
  .strictObject({
    term: z.string().min(1).describe('The term as written in the course.'),
    definition: z.string().min(1).describe('What the term means, in one or two sentences.'),
    translate: z.boolean().default(true).describe('Set to false for terms that must stay as written in every language (names, code identifiers).'),
  })
  .describe('A glossary term.');

export const authorSchema = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), email: z.string().optional(), url: z.string().optional() }),
]);

export const courseFileSchema = z
  .strictObject({
    id: idSchema.describe('The course id, e.g. `backprop`.'),
    title: z.string().min(1).describe('The course title.'),
    description: z.string().optional().describe('What the course is about and who it is for.'),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'use a BCP 47 language tag such as `en` or `pt-BR`').describe('The language the course is written in (BCP 47 tag, e.g. `en`).'),
    authors: z.array(authorSchema).min(1).describe('Who wrote the course.'),
    license: z.string().min(1).describe('The licence of the course content, e.g. `CC-BY-4.0`.'),
    masteryThreshold: z.number().gt(0).lt(1).default(0.95).describe('Probability of mastery at which a skill counts as mastered (default 0.95).'),
    skills: z.array(skillSchema).min(1).describe('The skills of the course; prerequisites form a DAG.'),
    glossary: z.array(glossaryEntrySchema).default([]).describe('Terms with definitions; used by the tutor and by translation.'),
  })
  .describe('course.yaml: the course and its skills.');

export const lessonFrontMatterSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1),
    skills: z.array(idSchema).min(1).describe('Skills this lesson teaches.'),
    prerequisites: z.array(idSchema).default([]).describe('Ids of lessons to take before this one.'),
    minutes: z.number().int().positive().describe('Estimated minutes to work through the lesson.'),
  })
  .describe('Front matter of a lesson file `lessons/NN-slug.md`.');

const hintSchema = z.union([
  z.string().min(1),
  z.strictObject({
    text: markdown,
    reveals: z.boolean().default(false).describe('True when this rung gives the answer away; it is then kept with the keys and shown only after `minAttempts`.'),
  }),
]);

const mistakeSchema = z
  .strictObject({
    answer: z.union([z.string(), z.number(), z.array(z.string())]).describe('A wrong answer, written like the key (for choice: the choice id or ids; for templates: an expression over the variables).'),
    feedback: markdown.describe('What to tell the learner who gives this answer, without giving the right one.'),
    misconception: idSchema.describe('Id of the misconception behind the mistake, e.g. `forgot-inner-derivative`.'),
  })
  .describe('A common mistake: a wrong answer, the feedback it gets, and the misconception behind it.');

const exerciseBase = {
  id: idSchema,
  skills: z.array(idSchema).min(1).describe('Skills this exercise practises.'),
  prompt: markdown.describe('The question as the learner sees it. In a template, `{{name}}` inserts a variable.'),
  difficulty: z.number().int().min(1).max(5).default(2).describe('1 (warm-up) to 5 (challenge).'),
  hints: z.array(hintSchema).default([]).describe('The hint ladder, from gentlest to most revealing.'),
  minAttempts: z.number().int().min(0).optional().describe('Attempts a learner must make before a revealing hint may be shown. Required when a hint reveals.'),
  mistakes: z.array(mistakeSchema).default([]).describe('Common wrong answers with feedback.'),
  explanation: markdown.optional().describe('Worked solution shown after the exercise is finished. Kept with the keys until then.'),
};

const choiceExercise = z.strictObject({
  ...exerciseBase,
  type: z.literal('choice'),
  multiple: z.boolean().default(false).describe('True when the learner must pick every correct choice.'),
  choices: z
    .array(
      z.strictObject({
        id: idSchema.optional().describe('Defaults to the letter a, b, c… by position.'),
        text: markdown,
        correct: z.boolean().default(false),
      }),
    )
    .min(2)
    .describe('The choices, in the order shown. Mark the right one(s) with `correct: true`.'),
});

export const toleranceSchema = z
  .strictObject({
    absolute: z.number().nonnegative().optional().describe('Accept answers within this distance of the key.'),
    relative: z.number().nonnegative().optional().describe('Accept answers within this fraction of the key, e.g. 0.01 for 1%.'),
  })
  .describe('How close a numeric answer must be. Default: relative 1e-9.');

const numericExercise = z.strictObject({
  ...exerciseBase,
  type: z.literal('numeric'),
  answer: z.number().optional().describe('The key. Omit it in a template and give `template.solution` instead.'),
  tolerance: toleranceSchema.optional(),
  unit: z.string().optional().describe('Unit of the answer, e.g. `m/s`; learners may answer in compatible units.'),
});

const variableDomain = z.tuple([z.number(), z.number()]).describe('[min, max] of the values to test.');

const expressionExercise = z.strictObject({
  ...exerciseBase,
  type: z.literal('expression'),
  answer: z.string().min(1).optional().describe('The key as an expression, e.g. `2*x*cos(x^2)`.'),
  variables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), variableDomain).describe('Each variable with the interval its values are drawn from when comparing expressions.'),
  form: z.enum(['any', 'simplified', 'factored', 'expanded']).default('any').describe('A form the answer must have besides being equivalent.'),
});

const textExercise = z.strictObject({
  ...exerciseBase,
  type: z.literal('text'),
  accept: z.array(z.string().min(1)).default([]).describe('Accepted answers; matching ignores case, extra spaces and punctuation.'),
  patterns: z.array(z.string().min(1)).default([]).describe('Accepted answers as regular expressions (JavaScript syntax, matched against the whole normalised answer).'),
  caseSensitive: z.boolean().default(false),
  ignoreDiacritics: z.boolean().default(true).describe('Treat "é" and "e" as the same letter.'),
});

const freeResponseExercise = z.strictObject({
  ...exerciseBase,
  type: z.literal('free-response'),
  rubric: z
    .array(z.strictObject({ criterion: markdown, points: z.number().positive() }))
    .min(1)
    .describe('What a good answer does, criterion by criterion, with points.'),
  reference: markdown.describe('A model answer, for the grader only.'),
});

const codeExercise = z.strictObject({
  ...exerciseBase,
  type: z.literal('code'),
  language: z.enum(['python', 'javascript']),
  starter: z.string().default('').describe('Code the learner starts from.'),
  solution: z.string().min(1).describe('A correct solution; `primer course check` runs the tests against it.'),
  tests: z
    .array(
      z.strictObject({
        name: z.string().min(1).describe('Short name shown to the learner, e.g. "works for negative numbers".'),
        code: z.string().min(1).describe("Hidden test code, run after the learner's code; it fails by raising (Python `assert`, JavaScript `throw`)."),
        message: z.string().min(1).describe('What the learner sees when this test fails.'),
      }),
    )
    .min(1)
    .describe('Hidden tests. The learner sees only names and messages, never the code.'),
});

export const templateSchema = z
  .strictObject({
    variables: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
        z.union([
          z.strictObject({ min: z.number(), max: z.number(), step: z.number().positive().default(1) }),
          z.strictObject({ choices: z.array(z.union([z.number(), z.string()])).min(1) }),
        ]),
      )
      .describe('Each variable: a range `{min, max, step}` or a list `{choices: [...]}`.'),
    constraints: z.array(z.string().min(1)).default([]).describe('Conditions every variant must meet, as math.js expressions, e.g. `a != b`.'),
    solution: z.string().min(1).describe('math.js code computing the answer from the variables; the value of its last line is the key.'),
  })
  .describe('Makes the exercise a template: each learner and attempt gets its own variant.');

/** An exercise as written: one of the answer types, optionally a parameterized template (numeric or expression). */
export const exerciseSchema = z
  .discriminatedUnion('type', [
    choiceExercise,
    numericExercise.extend({ template: templateSchema.optional() }),
    expressionExercise.extend({ template: templateSchema.optional() }),
    textExercise,
    freeResponseExercise,
    codeExercise,
  ])
  .describe('An exercise. `type` picks the answer type: choice, numeric, expression, text, free-response or code.');

export const exerciseFileSchema = z
  .strictObject({
    lesson: idSchema.optional().describe('The lesson these exercises belong to, if any.'),
    exercises: z.array(exerciseSchema).min(1),
  })
  .describe('exercises/*.yaml: a list of exercises.');

export type Skill = z.infer<typeof skillSchema>;
export type CourseFile = z.infer<typeof courseFileSchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseType = Exercise['type'];
export type Template = z.infer<typeof templateSchema>;
export type Tolerance = z.infer<typeof toleranceSchema>;
export type Mistake = z.infer<typeof mistakeSchema>;
