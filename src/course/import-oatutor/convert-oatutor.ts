// OATutor content (already read from disk) → one Primer course per OATutor course, as file texts.
// Pure: the CLI reads the folder, calls this, checks the result with the course compiler and the
// exercise checkers, and writes the files. Every step is either converted or listed with a reason.
import { attributionComment, attributionLine, languageTag, licenseId, oatutorAuthors, usesDecimalComma } from './attribution.js';
import { buildStepExercises, type BuiltExercise, type ExerciseInput, type Issue } from './build-exercises.js';
import { convertText } from './convert-text.js';
import { loadProblem, naturalOrder, parseEach, parseOr, type LoadedProblem, type OatutorProblemFiles } from './load-oatutor-files.js';
import { bktParamsSchema, coursePlanSchema, skillModelSchema, type BktParams, type CoursePlan, type OatutorProblem } from './oatutor-schema.js';
import { phrasesFor } from './phrases.js';
import { renderExerciseFile, renderLesson, renderYaml } from './render-files.js';
import { IdRegistry, toId } from './to-id.js';

export interface OatutorContent {
  coursePlans: unknown;
  skillModel?: unknown;
  bktParams?: unknown;
  problems: OatutorProblemFiles[];
}

export interface ImportedExercise extends BuiltExercise {
  file: string; // the exercises file it is written to
}

export interface ImportedCourse {
  id: string;
  title: string;
  files: Map<string, string>; // relative path → text
  figures: { from: string; to: string }[]; // copy from the OATutor folder (relative) to the course folder (relative)
  exercises: ImportedExercise[];
}

export interface ImportSummary {
  courses: number;
  lessons: number;
  problems: number;
  steps: number;
  converted: number;
  failures: Issue[];
  warnings: Issue[];
}

export interface ConvertOptions {
  /** Primer exercise ids to leave out, with the reason (a step left out is a failure, a scaffold a warning). */
  leaveOut?: ReadonlyMap<string, string>;
}


export function convertOatutor(content: OatutorContent, options: ConvertOptions = {}): { courses: ImportedCourse[]; summary: ImportSummary } {
  const failures: Issue[] = [];
  const warnings: Issue[] = [];
  const seen = new Set<string>();
  const warn = (issue: Issue) => {
    const key = `${issue.id}\u0000${issue.reason}`;
    if (!seen.has(key)) warnings.push(issue);
    seen.add(key);
  };
  const leaveOut = options.leaveOut ?? new Map<string, string>();
  const summary: ImportSummary = { courses: 0, lessons: 0, problems: content.problems.length, steps: 0, converted: 0, failures, warnings };

  const plans = parseEach(content.coursePlans, coursePlanSchema, 'coursePlans.json', warn);
  const skillModel = parseOr(content.skillModel, skillModelSchema, {}, 'skillModel.json', warn);
  const bkt = parseOr(content.bktParams, bktParamsSchema, {}, 'bkt-params', warn);

  // problems by lesson
  const problemsByLesson = new Map<string, LoadedProblem[]>();
  const findLesson = lessonFinder(plans);
  for (const files of [...content.problems].sort((a, b) => naturalOrder(a.folder, b.folder))) {
    summary.steps += files.steps.length;
    const loaded = loadProblem(files, failures, warn);
    if (!loaded) continue;
    const lessonId = findLesson(loaded.problem);
    if (lessonId === undefined) {
      for (const step of loaded.steps) failures.push({ id: step.step.id, reason: `its problem's lesson "${loaded.problem.lessonId || loaded.problem.lesson}" is in no course of coursePlans.json` });
      continue;
    }
    const list = problemsByLesson.get(lessonId) ?? [];
    list.push(loaded);
    problemsByLesson.set(lessonId, list);
  }

  const courseIds = new IdRegistry();
  const courses: ImportedCourse[] = [];
  for (const plan of plans) {
    const course = convertCourse(plan, courseIds.claim(plan.courseName, 'course'), problemsByLesson, skillModel, bkt, leaveOut, failures, warn);
    if (!course) continue;
    courses.push(course.course);
    summary.courses += 1;
    summary.lessons += course.lessons;
  }
  // a lesson listed in two course plans is imported into both; its steps count once
  summary.converted = new Set(courses.flatMap((c) => c.exercises.filter((e) => e.kind === 'step').map((e) => e.oatutorId))).size;
  const listed = new Set<string>();
  summary.failures = failures.filter((f) => !listed.has(f.id) && Boolean(listed.add(f.id)));
  return { courses, summary };
}

function convertCourse(
  plan: CoursePlan,
  courseId: string,
  problemsByLesson: ReadonlyMap<string, LoadedProblem[]>,
  skillModel: Record<string, string[]>,
  bkt: BktParams,
  leaveOut: ReadonlyMap<string, string>,
  failures: Issue[],
  warn: (issue: Issue) => void,
): { course: ImportedCourse; lessons: number } | undefined {
  const language = languageTag(plan.language);
  if (language === undefined) warn({ id: plan.courseName, reason: `unknown course language "${plan.language}"; written as "und" (undetermined)` });
  const tag = language ?? 'und';
  const phrases = phrasesFor(tag);
  const skillIds = new IdRegistry();
  const skills = new Map<string, { id: string; name: string; title: string; threshold?: number }>();
  const skillFor = (name: string, title?: string) => {
    let skill = skills.get(name);
    if (!skill) {
      skill = { id: skillIds.claim(name, 'skill'), name, title: title ?? humanize(name) };
      skills.set(name, skill);
    }
    return skill;
  };
  const lessonIds = new IdRegistry();
  const exerciseIds = new IdRegistry();
  const files = new Map<string, string>();
  const figures: ImportedCourse['figures'] = [];
  const exercises: ImportedExercise[] = [];
  let lessonCount = 0;
  const width = Math.max(2, String(plan.lessons.length).length);

  plan.lessons.forEach((lesson, index) => {
    const title = [lesson.name.trim(), lesson.topics.trim()].filter(Boolean).join(': ') || `Lesson ${index + 1}`;
    const objectives = Object.entries(lesson.learningObjectives).map(([name, threshold]) => {
      const skill = skillFor(name);
      if (threshold !== undefined && threshold > 0 && threshold < 1) skill.threshold = threshold;
      return skill.id;
    });
    const problems = problemsByLesson.get(lesson.id) ?? [];
    const lessonId = lessonIds.claim(lesson.name || title, 'lesson');
    const stem = `${String(lessonCount + 1).padStart(width, '0')}-${lessonId}`;
    const lessonExercises: { exercise: ExerciseInput; comment: string }[] = [];
    const sections: string[] = [];
    for (const { folder, problem, steps, figures: available } of problems) {
      const figure = (name: string) => {
        if (!available.includes(name)) return undefined;
        const to = `figures/${toId(folder)}/${name}`;
        if (!figures.some((f) => f.to === to)) figures.push({ from: `content-pool/${folder}/figures/${name}`, to });
        return `![${name}](../${to.split('/').map(encodeURIComponent).join('/')})`;
      };
      const firstVariant = Object.fromEntries(Object.entries(problem.variabilization).map(([k, v]) => [k, v[0] ?? '']));
      const prose = (raw: string) => convertText(raw, { variables: { kind: 'value', values: firstVariant }, figure });
      const stepLines: string[] = [];
      for (const { step, pathway } of steps) {
        const stepSkills = (skillModel[step.id] ?? []).map((name) => skillFor(name).id);
        const exerciseSkills = stepSkills.length > 0 ? [...new Set(stepSkills)] : objectives.length > 0 ? objectives : [skillFor(`lesson: ${title}`, title).id];
        const built = buildStepExercises(step, pathway, { problem, skills: exerciseSkills, decimalComma: usesDecimalComma(tag), phrases, ids: exerciseIds, leaveOut, figure, warn });
        if (!built.ok) {
          failures.push({ id: step.id, reason: built.reason });
          continue;
        }
        for (const item of built.exercises) {
          lessonExercises.push({ exercise: item.exercise, comment: attributionComment(item.oatutorId, problem.oer, problem.license) });
          exercises.push({ ...item, file: `exercises/${stem}.yaml` });
        }
        const question = prose([step.stepTitle, step.stepBody].filter((t) => t.trim()).join('\\n'));
        if (question) stepLines.push(`**${phrases.step(stepLines.length + 1)}** ${question.replace(/\n\n/g, ' ')}`);
      }
      const heading = prose(problem.title).replace(/\n+/g, ' ') || `Problem ${problem.id}`;
      sections.push([`## ${heading}`, prose(problem.body), ...stepLines, attributionLine(problem.id, problem.oer || plan.courseOER, problem.license || plan.courseLicense)].filter(Boolean).join('\n\n'));
    }
    const lessonSkills = [...new Set([...objectives, ...lessonExercises.flatMap((e) => e.exercise.skills)])];
    if (lessonSkills.length === 0) {
      warn({ id: lesson.id, reason: `lesson "${title}" has no learning objectives and no imported steps; left out` });
      return;
    }
    lessonCount += 1;
    const steps = lessonExercises.length;
    const body = [`# ${escapeHeading(title)}`, phrases.lessonIntro(plan.courseName), ...(sections.length > 0 ? sections : [phrases.noProblems])].join('\n\n');
    files.set(`lessons/${stem}.md`, renderLesson({ id: lessonId, title, skills: lessonSkills, minutes: Math.max(5, Math.round(steps * 1.5)) }, body));
    if (lessonExercises.length > 0) {
      files.set(`exercises/${stem}.yaml`, renderExerciseFile(lessonId, lessonExercises, ` Exercises of lesson "${title}", imported from the OATutor course "${plan.courseName}" by \`primer import oatutor\`.\n Content by the ${oatutorAuthors}, licensed CC BY 4.0; each exercise names its source.`));
    }
  });

  if (lessonCount === 0 || skills.size === 0) {
    warn({ id: plan.courseName, reason: 'the course has no lessons with skills or steps; no course written' });
    return undefined;
  }
  const thresholds = [...skills.values()].flatMap((s) => (s.threshold === undefined ? [] : [s.threshold]));
  files.set('course.yaml', renderYaml(
    {
      id: courseId,
      title: plan.courseName.trim() || courseId,
      description: `Problems with hints and scaffolds by the ${oatutorAuthors}, imported from OATutor${plan.courseOER && !/^0(\.0)?$/.test(plan.courseOER.trim()) ? `, from ${plan.courseOER.trim()}` : ''}. Licensed CC BY 4.0.`,
      language: tag,
      authors: [oatutorAuthors],
      license: licenseId(plan.courseLicense),
      ...(thresholds.length > 0 ? { masteryThreshold: mostCommon(thresholds) } : {}),
      skills: [...skills.values()].map((s) => ({ id: s.id, title: s.title, description: `Solve OATutor problems on "${s.title}" (OATutor skill "${s.name}").` })),
    },
    ` Imported from OATutor by \`primer import oatutor\`. Content: ${oatutorAuthors}, CC BY 4.0.`,
  ));
  files.set('bkt-priors.yaml', renderBktPriors(skills, bkt));
  return { course: { id: courseId, title: plan.courseName, files, figures, exercises }, lessons: lessonCount };
}

function renderBktPriors(skills: Map<string, { id: string; name: string; threshold?: number }>, bkt: BktParams): string {
  const entries: Record<string, Record<string, string | number>> = {};
  for (const skill of skills.values()) {
    const params = bkt[skill.name];
    entries[skill.id] = {
      oatutorSkill: skill.name,
      ...(params?.probMastery !== undefined ? { prior: params.probMastery } : {}),
      ...(params?.probTransit !== undefined ? { learn: params.probTransit } : {}),
      ...(params?.probSlip !== undefined ? { slip: params.probSlip } : {}),
      ...(params?.probGuess !== undefined ? { guess: params.probGuess } : {}),
      ...(skill.threshold !== undefined ? { masteryThreshold: skill.threshold } : {}),
    };
  }
  return renderYaml(
    { source: 'OATutor bkt-params/defaultBKTParams.json', skills: entries },
    ' Bayesian Knowledge Tracing priors per skill, carried over from OATutor (probMastery → prior,\n probTransit → learn, probSlip → slip, probGuess → guess) with each learning objective\'s mastery\n threshold. The course format has no field for these yet; the learner model may read this file.',
  );
}

/** Finds a problem's lesson by `lessonId`, or else by lesson name (within its course, when it names one). */
function lessonFinder(plans: CoursePlan[]): (problem: OatutorProblem) => string | undefined {
  const all = plans.flatMap((plan) => plan.lessons.map((lesson) => ({ plan, lesson })));
  const ids = new Set(all.map(({ lesson }) => lesson.id));
  return (problem) => {
    if (problem.lessonId && ids.has(problem.lessonId)) return problem.lessonId;
    const byName = all.find(({ plan, lesson }) => lesson.name === problem.lesson && (!problem.courseName || plan.courseName === problem.courseName));
    return byName?.lesson.id;
  };
}

function humanize(name: string): string {
  const text = name.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

function escapeHeading(text: string): string {
  return text.replace(/[\\`*_[\]<>$]/g, (char) => `\\${char}`);
}
