// The start of every tutor prompt: the policy, the course and the current lesson. It depends only on
// the course version, the policy version and the lesson, so it is byte-identical turn after turn
// within a lesson and a provider's prompt cache reuses it. Kept compact: it is sent with every turn.
// Definitions are left out (the retrieved course text carries them): the lessons give the course's
// map, glossary terms are listed once so the tutor uses the teacher's words and keeps protected terms
// as they are, and the current lesson's section ids are what it may cite.
import type { PublicBundle } from '../../course/index.js';
import type { PolicyPrompt } from '../prompts/policy-v1.js';

export function courseFrame(bundle: PublicBundle, policy: PolicyPrompt, lessonId?: string): string {
  const { course } = bundle;
  const glossary = course.glossary.map((entry) => (entry.translate ? entry.term : `${entry.term}*`)).join(', ');
  const lesson = bundle.lessons.find((candidate) => candidate.id === lessonId);
  const sections = lesson ? bundle.chunks.filter((chunk) => chunk.lesson === lesson.id && !/\/\d+$/.test(chunk.id)).map((chunk) => chunk.id.slice(lesson.id.length + 1)) : [];
  return [
    policy.text,
    `Course: ${course.title} (written in ${course.language}).`,
    `Lessons: ${bundle.lessons.map((candidate) => candidate.title).join('; ')}.`,
    glossary ? `Glossary terms (use these words; never translate those marked *): ${glossary}.` : '',
    lesson ? `Current lesson: ${lesson.title} (${lesson.id}). Sections you can cite, as [${lesson.id}#section]: ${sections.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
