// A small valid course that tests change one thing at a time. Line numbers matter: the
// malformed-course fixtures point at them.
export const tinyCourse: Record<string, string> = {
  'course.yaml': `id: tiny
title: Tiny course
language: en
authors: [Ada Lovelace]
license: CC-BY-4.0
skills:
  - id: add
    title: Adding
    description: Add two whole numbers.
  - id: multiply
    title: Multiplying
    description: Multiply two whole numbers.
    prerequisites: [add]
glossary:
  - term: sum
    definition: The result of adding.
`,
  'lessons/01-adding.md': `---
id: adding
title: Adding
skills: [add]
minutes: 10
---
# Adding

Two plus two is $2 + 2 = 4$. Next: [multiplying](02-multiplying.md).

\`\`\`exercise
id: add-1
type: numeric
skills: [add]
prompt: What is $3 + 4$?
answer: 7
hints:
  - Count on from 3.
\`\`\`
`,
  'lessons/02-multiplying.md': `---
id: multiplying
title: Multiplying
skills: [multiply]
prerequisites: [adding]
minutes: 15
---
# Multiplying

Multiplying is repeated adding: $3 \\times 2 = 2 + 2 + 2$.

![Three rows of two dots](../figures/dots.svg)
`,
  'figures/dots.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'exercises/practice.yaml': `lesson: multiplying
exercises:
  - id: mul-choice
    type: choice
    skills: [multiply]
    prompt: Which number is $2 \\times 3$?
    choices:
      - text: "5"
      - text: "6"
        correct: true
    hints:
      - Add 2 three times.
      - text: It is the second choice.
        reveals: true
    minAttempts: 2
  - id: mul-word
    type: text
    skills: [multiply]
    prompt: What do we call the result of multiplying?
    accept: [product]
    hints:
      - It starts with "p".
`,
};

/** A files map as the compiler takes it: text for Markdown and YAML, undefined for figures. */
export function asCourseFiles(files: Record<string, string>): Map<string, string | undefined> {
  return new Map(Object.entries(files).map(([path, text]) => [path, /\.(md|ya?ml)$/.test(path) ? text : undefined]));
}
