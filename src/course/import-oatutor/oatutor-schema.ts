// Zod schemas for OATutor's published JSON (CAHLR/OATutor-Content). Lenient on purpose: the
// content was written by many hands, so fields may be missing, numbers may stand where strings
// belong, and unknown fields are kept rather than rejected.
import { z } from 'zod';

/** A string, or a number written where a string was meant (`"stepAnswer": [5]`). */
const text = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value));
const optionalText = z.union([text, z.null()]).optional().transform((value) => value ?? '');
const textList = z
  .union([z.array(z.union([text, z.null()])), text, z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value.filter((v): v is string => v !== null) : [value]));

/** `{ name: [value per variant] }`; a lone value counts as a single variant. */
export const variabilizationSchema = z
  .union([z.record(z.string(), z.union([z.array(text), text])), z.null()])
  .optional()
  .transform((value) => {
    const out: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(value ?? {})) out[name] = Array.isArray(values) ? values : [values];
    return out;
  });

export const lessonPlanSchema = z.looseObject({
  id: text,
  name: optionalText,
  topics: optionalText,
  learningObjectives: z
    .union([z.record(z.string(), z.union([z.number(), z.string(), z.null()])), z.null()])
    .optional()
    .transform((value) => {
      const out: Record<string, number | undefined> = {};
      for (const [skill, threshold] of Object.entries(value ?? {})) {
        const number = typeof threshold === 'number' ? threshold : Number(threshold);
        out[skill] = Number.isFinite(number) ? number : undefined;
      }
      return out;
    }),
});

export const coursePlanSchema = z.looseObject({
  courseName: text,
  language: optionalText,
  courseOER: optionalText,
  courseLicense: optionalText,
  lessons: z.array(lessonPlanSchema).default([]),
});

export const coursePlansSchema = z.array(coursePlanSchema);

export const skillModelSchema = z
  .record(z.string(), z.union([z.array(text), text]))
  .transform((model) => Object.fromEntries(Object.entries(model).map(([step, skills]) => [step, Array.isArray(skills) ? skills : [skills]])));

const probability = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().min(0).max(1));

export const bktParamsSchema = z.record(
  z.string(),
  z.looseObject({
    probMastery: probability.optional(),
    probTransit: probability.optional(),
    probSlip: probability.optional(),
    probGuess: probability.optional(),
  }),
);

export const problemSchema = z.looseObject({
  id: text,
  title: optionalText,
  body: optionalText,
  variabilization: variabilizationSchema,
  oer: optionalText,
  license: optionalText,
  lesson: optionalText,
  lessonId: optionalText,
  courseName: optionalText,
});

export const stepSchema = z.looseObject({
  id: text,
  stepTitle: optionalText,
  stepBody: optionalText,
  problemType: optionalText,
  answerType: optionalText,
  stepAnswer: textList,
  choices: textList,
  units: optionalText, // shown beside the answer box, e.g. "cm"
  variabilization: variabilizationSchema,
});

export interface OatutorHint {
  id: string;
  type: string;
  title: string;
  text: string;
  dependencies: string[];
  variabilization: Record<string, string[]>;
  problemType: string;
  answerType: string;
  hintAnswer: string[];
  choices: string[];
  subHints: OatutorHint[];
  oer: string;
  license: string;
}

export const hintSchema: z.ZodType<OatutorHint, unknown> = z.lazy(() =>
  z.looseObject({
    id: text,
    type: optionalText,
    title: optionalText,
    text: optionalText,
    dependencies: textList,
    variabilization: variabilizationSchema,
    problemType: optionalText,
    answerType: optionalText,
    hintAnswer: textList,
    choices: textList,
    subHints: z.union([z.array(hintSchema), z.null()]).optional().transform((value) => value ?? []),
    oer: optionalText,
    license: optionalText,
  }),
) as unknown as z.ZodType<OatutorHint, unknown>;

export const pathwaySchema = z.union([z.array(hintSchema), z.null()]).transform((value) => value ?? []);

export type CoursePlan = z.output<typeof coursePlanSchema>;
export type LessonPlan = z.output<typeof lessonPlanSchema>;
export type OatutorProblem = z.output<typeof problemSchema>;
export type OatutorStep = z.output<typeof stepSchema>;
export type BktParams = z.output<typeof bktParamsSchema>;
