// The course compiler: course files in, `{ public, keys }` bundle and diagnostics out. Pure: the
// caller reads the folder (see `CourseFiles`). One broken file is reported and the rest still checked.
import { posix } from 'node:path';
import { bundleFormat, type Chunk, type CourseBundle, type ExerciseKey, type KeysBundle, type PublicBundle, type LessonBlock, type PublicExercise, type PublicLesson } from './bundle.js';
import { chunkLesson, sha256 } from './chunk-lesson.js';
import { compileExercise, type ExerciseSource } from './compile-exercise.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { findCycle } from './find-cycle.js';
import { checkMarkdown, type MarkdownContext } from './markdown.js';
import { parseLesson, type ParsedLesson } from './parse-lesson.js';
import { parseYaml } from './parse-yaml.js';
import { courseFileSchema, exerciseFileSchema, type CourseFile } from './schema.js';

/** Every file of a course folder by relative POSIX path; text for .md and .yaml files, undefined for others (figures). */
export type CourseFiles = ReadonlyMap<string, string | undefined>;

export interface CompileResult {
  bundle?: CourseBundle; // absent when there are errors
  diagnostics: Diagnostic[];
}

const lessonFilePattern = /^lessons\/\d{2}-[a-z0-9][a-z0-9-]*\.md$/;

export function compileCourse(files: CourseFiles): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const error = (path: string, line: number, column: number, message: string, hint: string) =>
    diagnostics.push({ path, line, column, severity: 'error', message, hint });
  const warn = (path: string, line: number, column: number, message: string, hint: string) =>
    diagnostics.push({ path, line, column, severity: 'warning', message, hint });
  const links = (path: string): Omit<MarkdownContext, 'place'> => ({
    path,
    resolve: (target) => {
      const resolved = posix.normalize(posix.join(posix.dirname(path), target));
      return resolved.startsWith('../') ? undefined : resolved;
    },
    exists: (coursePath) => files.has(coursePath) || [...files.keys()].some((p) => p.startsWith(`${coursePath}/`)),
  });

  // course.yaml
  const courseText = files.get('course.yaml');
  let course: CourseFile | undefined;
  let locateCourse = (_path: (string | number)[]) => ({ line: 1, column: 1 });
  if (courseText === undefined) {
    error('course.yaml', 1, 1, 'course.yaml is missing', 'create course.yaml with id, title, language, authors, license and skills (run `primer init` for an example)');
  } else {
    const parsed = parseYaml(courseText, courseFileSchema, { path: 'course.yaml' });
    diagnostics.push(...parsed.diagnostics);
    course = parsed.data;
    locateCourse = (path) => parsed.locate(path);
  }
  const skillIds = new Set<string>();
  if (course) {
    course.skills.forEach((skill, index) => {
      const at = locateCourse(['skills', index, 'id']);
      if (skillIds.has(skill.id)) error('course.yaml', at.line, at.column, `duplicate skill id "${skill.id}"`, 'give each skill its own id');
      skillIds.add(skill.id);
    });
    course.skills.forEach((skill, index) =>
      skill.prerequisites.forEach((prerequisite, p) => {
        const at = locateCourse(['skills', index, 'prerequisites', p]);
        if (!skillIds.has(prerequisite)) error('course.yaml', at.line, at.column, `skill "${skill.id}" has unknown prerequisite "${prerequisite}"`, 'use the id of a skill declared in this file');
      }),
    );
    const cycle = findCycle(new Map(course.skills.map((s) => [s.id, s.prerequisites])));
    if (cycle) {
      const at = locateCourse(['skills', course.skills.findIndex((s) => s.id === cycle[0]), 'prerequisites']);
      error('course.yaml', at.line, at.column, `skill prerequisites form a cycle: ${cycle.join(' → ')}`, 'remove one prerequisite so the skills form a DAG');
    }
    const terms = new Set<string>();
    course.glossary.forEach((entry, index) => {
      const at = locateCourse(['glossary', index, 'term']);
      if (terms.has(entry.term.toLowerCase())) warn('course.yaml', at.line, at.column, `glossary term "${entry.term}" appears twice`, 'keep one definition per term');
      terms.add(entry.term.toLowerCase());
    });
  }

  // lessons/*.md
  const lessonPaths = [...files.keys()].filter((p) => p.startsWith('lessons/') && p.endsWith('.md')).sort();
  if (lessonPaths.length === 0) error('course.yaml', 1, 1, 'the course has no lessons', 'add lesson files such as lessons/01-introduction.md');
  const lessons: ParsedLesson[] = [];
  for (const path of lessonPaths) {
    if (!lessonFilePattern.test(path)) warn(path, 1, 1, 'lesson file name should be NN-slug.md', 'rename it, e.g. lessons/01-limits.md, so lessons sort in order');
    const lesson = parseLesson(path, files.get(path) ?? '');
    diagnostics.push(...lesson.diagnostics);
    diagnostics.push(...checkMarkdown(lesson.tree, { ...links(path), place: (line, column) => ({ line, column }) }));
    lessons.push(lesson);
  }
  const lessonIds = new Map<string, ParsedLesson>();
  for (const lesson of lessons) {
    const front = lesson.frontMatter?.data;
    if (!front) continue;
    const at = lesson.frontMatter!.locate(['id']);
    if (lessonIds.has(front.id)) error(lesson.path, at.line, at.column, `duplicate lesson id "${front.id}" (also in ${lessonIds.get(front.id)!.path})`, 'give each lesson its own id');
    else lessonIds.set(front.id, lesson);
    front.skills.forEach((skill, index) => {
      const place = lesson.frontMatter!.locate(['skills', index]);
      if (course && !skillIds.has(skill)) error(lesson.path, place.line, place.column, `unknown skill "${skill}"`, 'use a skill id declared in course.yaml');
    });
  }
  const allLessonsParsed = lessons.every((lesson) => lesson.frontMatter?.data);
  for (const lesson of lessons) {
    if (!allLessonsParsed) break; // a lesson that did not parse would make every reference to it look unknown
    lesson.frontMatter?.data?.prerequisites.forEach((prerequisite, index) => {
      const at = lesson.frontMatter!.locate(['prerequisites', index]);
      if (!lessonIds.has(prerequisite)) error(lesson.path, at.line, at.column, `unknown prerequisite lesson "${prerequisite}"`, `use a lesson id (${[...lessonIds.keys()].join(', ')})`);
    });
  }
  const lessonCycle = findCycle(new Map([...lessonIds].map(([id, l]) => [id, l.frontMatter!.data!.prerequisites])));
  if (lessonCycle) {
    const lesson = lessonIds.get(lessonCycle[0]!)!;
    const at = lesson.frontMatter!.locate(['prerequisites']);
    error(lesson.path, at.line, at.column, `lesson prerequisites form a cycle: ${lessonCycle.join(' → ')}`, 'remove one prerequisite so lessons can be taken in order');
  }

  // exercises: inside lessons and in exercises/*.yaml
  const sources: ExerciseSource[] = [];
  for (const lesson of lessons) {
    for (const segment of lesson.segments) {
      if (segment.kind !== 'exercise') continue;
      diagnostics.push(...segment.source.diagnostics);
      if (segment.source.data) {
        sources.push({ exercise: segment.source.data, file: lesson.path, line: segment.line, lesson: lesson.frontMatter?.data?.id, locate: (path) => segment.source.locate(path) });
      }
    }
  }
  const exerciseFiles = [...files.keys()].filter((p) => p.startsWith('exercises/') && /\.ya?ml$/.test(p)).sort();
  for (const path of exerciseFiles) {
    const parsed = parseYaml(files.get(path) ?? '', exerciseFileSchema, { path });
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.data) continue;
    const lesson = parsed.data.lesson;
    if (lesson && allLessonsParsed && !lessonIds.has(lesson)) {
      const at = parsed.locate(['lesson']);
      error(path, at.line, at.column, `unknown lesson "${lesson}"`, `use a lesson id (${[...lessonIds.keys()].join(', ')})`);
    }
    parsed.data.exercises.forEach((exercise, index) => {
      const locate = (sub: readonly (string | number)[]) => parsed.locate(['exercises', index, ...sub]);
      sources.push({ exercise, file: path, line: locate([]).line, lesson, locate });
    });
  }

  const exercises: PublicExercise[] = [];
  const keys: Record<string, ExerciseKey> = {};
  const firstSeen = new Map<string, ExerciseSource>();
  for (const source of sources) {
    const earlier = firstSeen.get(source.exercise.id);
    if (earlier) {
      const at = source.locate(['id']);
      error(source.file, at.line, at.column, `duplicate exercise id "${source.exercise.id}" (first at ${earlier.file}:${earlier.line})`, 'give each exercise its own id');
      continue;
    }
    firstSeen.set(source.exercise.id, source);
    const compiled = compileExercise(source, course ? skillIds : undefined, links(source.file));
    diagnostics.push(...compiled.diagnostics);
    exercises.push(compiled.public);
    keys[source.exercise.id] = compiled.key;
  }

  // coverage: every skill taught and practised
  if (course) {
    const taught = new Set([...lessonIds.values()].flatMap((l) => l.frontMatter!.data!.skills));
    const practised = new Set(exercises.flatMap((e) => e.skills));
    course.skills.forEach((skill, index) => {
      const at = locateCourse(['skills', index, 'id']);
      if (!taught.has(skill.id)) warn('course.yaml', at.line, at.column, `no lesson teaches skill "${skill.id}"`, 'list it under "skills" in the front matter of the lesson that teaches it');
      if (!practised.has(skill.id)) warn('course.yaml', at.line, at.column, `no exercise practises skill "${skill.id}"`, 'add an exercise with this skill, so mastery can be measured');
    });
  }

  const sorted = sortDiagnostics(diagnostics);
  if (!course || hasErrors(sorted)) return { diagnostics: sorted };

  const publicLessons = lessons.map((lesson) => toPublicLesson(lesson));
  const chunks: Chunk[] = lessons.flatMap((lesson, index) => chunkLesson(publicLessons[index]!.id, publicLessons[index]!.title, lesson.body, lesson.tree));
  const content = { course, lessons: publicLessons, exercises, chunks };
  const hash = bundleHash(content, keys);
  return {
    bundle: {
      public: { format: bundleFormat, hash, ...content },
      keys: { format: bundleFormat, hash, exercises: keys },
    },
    diagnostics: sorted,
  };
}

function toPublicLesson(lesson: ParsedLesson): PublicLesson {
  const front = lesson.frontMatter!.data!;
  const blocks: LessonBlock[] = lesson.segments.map((segment) =>
    segment.kind === 'markdown' ? { kind: 'markdown', text: segment.text } : { kind: 'exercise', exercise: segment.source.data!.id },
  );
  return { id: front.id, file: lesson.path, title: front.title, skills: front.skills, prerequisites: front.prerequisites, minutes: front.minutes, blocks };
}

/** The course version: a hash of the learner-visible content and the keys, as the compiler builds them (property order matters). */
export function bundleHash(content: Pick<PublicBundle, 'course' | 'lessons' | 'exercises' | 'chunks'>, keys: KeysBundle['exercises']): string {
  const { course, lessons, exercises, chunks } = content;
  return sha256(JSON.stringify({ content: { course, lessons, exercises, chunks }, keys }));
}
