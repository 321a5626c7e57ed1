// Writes the converted course as Primer files: course.yaml, lessons/NN-slug.md,
// exercises/NN-slug.yaml (one comment per exercise naming its OATutor source) and bkt-priors.yaml.
import { Document, isMap, isSeq, stringify } from 'yaml';
import type { ExerciseInput } from './build-exercises.js';

const yamlOptions = { lineWidth: 0, minContentWidth: 0 } as const;

export function renderYaml(value: unknown, header?: string): string {
  const document = new Document(value, { aliasDuplicateObjects: false });
  if (header) document.commentBefore = header;
  return document.toString(yamlOptions);
}

/** An exercise file with a source comment above each exercise. */
export function renderExerciseFile(lesson: string, exercises: { exercise: ExerciseInput; comment: string }[], header: string): string {
  // no YAML anchors: a teacher reads each exercise on its own
  const document = new Document({ lesson, exercises: exercises.map((e) => e.exercise) }, { aliasDuplicateObjects: false });
  document.commentBefore = header;
  const list = isMap(document.contents) ? document.contents.get('exercises', true) : undefined;
  if (isSeq(list)) {
    list.items.forEach((item, index) => {
      if (isMap(item)) item.commentBefore = exercises[index]!.comment;
    });
  }
  return document.toString(yamlOptions);
}

export interface LessonFrontMatterInput {
  id: string;
  title: string;
  skills: string[];
  prerequisites?: string[];
  minutes: number;
}

export function renderLesson(front: LessonFrontMatterInput, body: string): string {
  return `---\n${stringify(front, yamlOptions).trimEnd()}\n---\n\n${body.trim()}\n`;
}
