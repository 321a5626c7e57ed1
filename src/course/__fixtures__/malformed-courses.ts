// Malformed variants of the tiny course, each with the diagnostic a teacher must see.
import { tinyCourse } from './tiny-course.js';

export interface MalformedCourse {
  name: string;
  files: Record<string, string>;
  expect: { at: string; message: RegExp }; // at = "file:line:column"
}

type Edit = (files: Record<string, string>) => void;

const replace = (path: string, from: string | RegExp, to: string): Edit => (files) => {
  const before = files[path]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit found nothing to replace in ${path}: ${from}`);
  files[path] = after;
};
const remove = (path: string): Edit => (files) => {
  delete files[path];
};
const add = (path: string, text: string): Edit => (files) => {
  files[path] = text;
};

function variant(name: string, edits: Edit[], at: string, message: RegExp): MalformedCourse {
  const files = { ...tinyCourse };
  for (const edit of edits) edit(files);
  return { name, files, expect: { at, message } };
}

export const malformedCourses: MalformedCourse[] = [
  variant('course.yaml has bad indentation', [replace('course.yaml', '    title: Adding', '   title: Adding')], 'course.yaml:8:1', /invalid YAML: Sequence item without - indicator/),
  variant('course.yaml is missing', [remove('course.yaml')], 'course.yaml:1:1', /course\.yaml is missing/),
  variant('unknown field in course.yaml', [replace('course.yaml', 'title: Tiny course', 'titel: Tiny course')], 'course.yaml:2:1', /unknown field "titel"/),
  variant('course.yaml lacks a licence', [replace('course.yaml', 'license: CC-BY-4.0\n', '')], 'course.yaml:1:1', /missing required field "license"/),
  variant('duplicate skill id', [replace('course.yaml', '- id: multiply', '- id: add')], 'course.yaml:10:9', /duplicate skill id "add"/),
  variant('unknown skill prerequisite', [replace('course.yaml', 'prerequisites: [add]', 'prerequisites: [addition]')], 'course.yaml:13:21', /unknown prerequisite "addition"/),
  variant('skill prerequisites form a cycle', [replace('course.yaml', '    description: Add two whole numbers.', '    description: Add two whole numbers.\n    prerequisites: [multiply]')], 'course.yaml:10:20', /cycle: add → multiply → add/),
  variant('duplicate key in course.yaml', [replace('course.yaml', 'language: en', 'language: en\nlanguage: fr')], 'course.yaml:4:1', /invalid YAML/),
  variant('skill id with capitals', [replace('course.yaml', '- id: multiply', '- id: Multiply')], 'course.yaml:10:9', /lowercase letters/),
  variant('lesson without front matter', [replace('lessons/01-adding.md', /^---\n[\s\S]*?\n---\n/, '')], 'lessons/01-adding.md:1:1', /missing front matter/),
  variant('invalid YAML in front matter', [replace('lessons/01-adding.md', 'skills: [add]', 'skills: [add')], 'lessons/01-adding.md:5:1', /invalid YAML: Flow sequence/),
  variant('lesson teaches an unknown skill', [replace('lessons/01-adding.md', 'skills: [add]\nminutes', 'skills: [adding]\nminutes')], 'lessons/01-adding.md:4:10', /unknown skill "adding"/),
  variant('duplicate lesson id', [replace('lessons/02-multiplying.md', 'id: multiplying', 'id: adding'), replace('exercises/practice.yaml', 'lesson: multiplying', 'lesson: adding')], 'lessons/02-multiplying.md:2:5', /duplicate lesson id "adding"/),
  variant('unknown prerequisite lesson', [replace('lessons/02-multiplying.md', 'prerequisites: [adding]', 'prerequisites: [counting]')], 'lessons/02-multiplying.md:5:17', /unknown prerequisite lesson "counting"/),
  variant('lesson prerequisites form a cycle', [replace('lessons/01-adding.md', 'minutes: 10', 'prerequisites: [multiplying]\nminutes: 10')], 'lessons/01-adding.md:5:16', /cycle: adding → multiplying → adding/),
  variant('lesson missing minutes', [replace('lessons/01-adding.md', 'minutes: 10\n', '')], 'lessons/01-adding.md:2:1', /missing required field "minutes"/),
  variant('invalid YAML in an exercise block', [replace('lessons/01-adding.md', 'answer: 7', 'answer: 7\n  oops: [')], 'lessons/01-adding.md:16:9', /invalid YAML/),
  variant('unknown exercise type', [replace('lessons/01-adding.md', 'type: numeric', 'type: number')], 'lessons/01-adding.md:13:7', /"type" must be one of: choice, numeric/),
  variant('numeric key written in words', [replace('lessons/01-adding.md', 'answer: 7', 'answer: seven')], 'lessons/01-adding.md:16:9', /answer: expected a number, not the text "seven"/),
  variant('difficulty out of range', [replace('lessons/01-adding.md', 'prompt: What is $3 + 4$?', 'difficulty: 9\nprompt: What is $3 + 4$?')], 'lessons/01-adding.md:15:13', /difficulty: must be at most 5, not 9/),
  variant('empty course title', [replace('course.yaml', 'title: Tiny course', 'title: ""')], 'course.yaml:2:8', /title: must not be empty/),
  variant('numeric exercise without key', [replace('lessons/01-adding.md', 'answer: 7\n', '')], 'lessons/01-adding.md:12:5', /has no key/),
  variant('empty hint ladder', [replace('lessons/01-adding.md', 'hints:\n  - Count on from 3.', 'hints: []')], 'lessons/01-adding.md:12:5', /empty hint ladder/),
  variant('revealing rung without minimum attempts', [replace('exercises/practice.yaml', '    minAttempts: 2\n', '')], 'exercises/practice.yaml:13:9', /reveals the answer but no minimum/),
  variant('math KaTeX cannot parse in a lesson', [replace('lessons/01-adding.md', '$2 + 2 = 4$', '$\\frac{2}{$')], 'lessons/01-adding.md:9:17', /math does not parse/),
  variant('math KaTeX cannot parse in a prompt', [replace('lessons/01-adding.md', 'prompt: What is $3 + 4$?', 'prompt: What is $\\sqrt{3 + 4$?')], 'lessons/01-adding.md:15:9', /math does not parse/),
  variant('broken relative link', [replace('lessons/01-adding.md', '(02-multiplying.md)', '(02-multiply.md)')], 'lessons/01-adding.md:9:36', /broken link "02-multiply\.md"/),
  variant('missing figure', [remove('figures/dots.svg')], 'lessons/02-multiplying.md:12:1', /missing figure "\.\.\/figures\/dots\.svg"/),
  variant('duplicate exercise id', [replace('exercises/practice.yaml', 'id: mul-word', 'id: add-1')], 'exercises/practice.yaml:16:9', /duplicate exercise id "add-1" \(first at lessons\/01-adding\.md:11\)/),
  variant('choice with nothing correct', [replace('exercises/practice.yaml', '        correct: true\n', '')], 'exercises/practice.yaml:8:7', /no choice is marked correct/),
  variant('single choice with two correct', [replace('exercises/practice.yaml', '      - text: "5"', '      - text: "5"\n        correct: true')], 'exercises/practice.yaml:8:7', /2 choices are marked correct/),
  variant('exercise file names an unknown lesson', [replace('exercises/practice.yaml', 'lesson: multiplying', 'lesson: multiplication')], 'exercises/practice.yaml:1:9', /unknown lesson "multiplication"/),
  variant('exercise practises an unknown skill', [replace('exercises/practice.yaml', 'skills: [multiply]\n    prompt: What do', 'skills: [times]\n    prompt: What do')], 'exercises/practice.yaml:18:14', /unknown skill "times"/),
  variant('mistake names an unknown choice', [replace('exercises/practice.yaml', '    minAttempts: 2\n', '    minAttempts: 2\n    mistakes:\n      - answer: c\n        feedback: Count again.\n        misconception: miscount\n')], 'exercises/practice.yaml:17:17', /unknown choice "c"/),
  variant('template prompt uses an undeclared variable', [replace('lessons/01-adding.md', 'prompt: What is $3 + 4$?\nanswer: 7', 'prompt: What is $3 + {{b}}$?\ntemplate:\n  variables:\n    a: { min: 1, max: 9 }\n  solution: 3 + a')], 'lessons/01-adding.md:15:9', /uses \{\{b\}\} but the template declares no variable "b"/),
  variant('invalid regular expression', [replace('exercises/practice.yaml', 'accept: [product]', 'patterns: ["prod(uct"]')], 'exercises/practice.yaml:20:16', /invalid regular expression/),
  variant('exercises file is not valid YAML', [add('exercises/extra.yaml', 'lesson: adding\nexercises:\n  - id: x\n    type: "numeric\n')], 'exercises/extra.yaml:5:1', /invalid YAML: Missing closing "quote/),
  variant('tab indentation in an exercises file', [add('exercises/extra.yaml', 'lesson: adding\nexercises:\n\t- id: x\n')], 'exercises/extra.yaml:3:1', /invalid YAML/),
];
