import { describe, expect, it } from 'vitest';
import { asCourseFiles as asFiles, tinyCourse } from './__fixtures__/tiny-course.js';
import { compileCourse } from './index.js';

describe('compileCourse', () => {
  it('compiles a valid course into public lessons, exercises and chunks, with keys kept apart', () => {
    const { bundle, diagnostics } = compileCourse(asFiles(tinyCourse));
    expect(diagnostics).toEqual([]);
    expect(bundle!.public.lessons.map((l) => l.id)).toEqual(['adding', 'multiplying']);
    expect(bundle!.public.lessons[0]!.blocks.map((b) => b.kind)).toEqual(['markdown', 'exercise']);
    expect(bundle!.public.exercises.map((e) => e.id)).toEqual(['add-1', 'mul-choice', 'mul-word']);

    const choice = bundle!.public.exercises.find((e) => e.id === 'mul-choice')!;
    expect(choice).toMatchObject({ type: 'choice', choices: [{ id: 'a', text: '5' }, { id: 'b', text: '6' }], hintCount: 2, revealingHintRungs: [2], minAttempts: 2 });
    expect(choice.hints).toEqual([{ rung: 1, text: 'Add 2 three times.' }]);
    expect(bundle!.keys.exercises['mul-choice']).toMatchObject({ type: 'choice', correct: ['b'], revealingHints: [{ rung: 2, text: 'It is the second choice.' }] });
    expect(bundle!.keys.exercises['add-1']).toMatchObject({ type: 'numeric', answer: 7 });

    const publicText = JSON.stringify(bundle!.public);
    expect(publicText).not.toContain('It is the second choice.');
    expect(publicText).not.toContain('"correct"');
    expect(publicText).not.toContain('product');
    expect(bundle!.keys.hash).toBe(bundle!.public.hash);
  });

  it('gives the same version hash for the same content and a new one when content changes', () => {
    const first = compileCourse(asFiles(tinyCourse)).bundle!.public.hash;
    expect(compileCourse(asFiles(tinyCourse)).bundle!.public.hash).toBe(first);
    const changed = { ...tinyCourse, 'lessons/01-adding.md': tinyCourse['lessons/01-adding.md']!.replace('Count on from 3.', 'Count on from three.') };
    expect(compileCourse(asFiles(changed)).bundle!.public.hash).not.toBe(first);
  });

  it('reports every problem at once, sorted by file and line, and builds nothing when there are errors', () => {
    const broken = {
      ...tinyCourse,
      'course.yaml': tinyCourse['course.yaml']!.replace('prerequisites: [add]', 'prerequisites: [nothing]'),
      'exercises/practice.yaml': tinyCourse['exercises/practice.yaml']!.replace('        correct: true\n', ''),
    };
    const { bundle, diagnostics } = compileCourse(asFiles(broken));
    expect(bundle).toBeUndefined();
    expect(diagnostics.map((d) => `${d.path}:${d.line}`)).toEqual(['course.yaml:13', 'exercises/practice.yaml:8']);
    expect(diagnostics.every((d) => d.hint)).toBe(true);
  });

  it('warns, without failing, about skills no lesson teaches or no exercise practises', () => {
    const extra = { ...tinyCourse, 'course.yaml': `${tinyCourse['course.yaml']!.replace('glossary:', '  - id: divide\n    title: Dividing\n    description: Share equally.\nglossary:')}` };
    const { bundle, diagnostics } = compileCourse(asFiles(extra));
    expect(bundle).toBeDefined();
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'no lesson teaches skill "divide"'],
      ['warning', 'no exercise practises skill "divide"'],
    ]);
  });
});

describe('chunks', () => {
  const longLesson = (intro: string) => `---
id: long
title: Long
skills: [add]
minutes: 5
---
${intro}

## First idea

${'Adding is counting on. '.repeat(40)}

## Second idea

${'Order does not matter when adding. '.repeat(30)}

## Third idea

${'Zero changes nothing. '.repeat(120)}
`;
  const chunksOf = (lesson: string) => compileCourse(asFiles({ ...tinyCourse, 'lessons/03-long.md': lesson })).bundle!.public.chunks.filter((c) => c.lesson === 'long');

  it('splits at headings, keeps chunks under about 400 tokens and names them by heading', () => {
    const chunks = chunksOf(longLesson('A short introduction.'));
    expect(chunks.map((c) => c.id)).toEqual(['long#introduction', 'long#second-idea', 'long#third-idea', 'long#third-idea/2']);
    expect(chunks.every((c) => c.tokens <= 400)).toBe(true);
    expect(chunks[2]!.heading).toBe('Third idea');
  });

  it('keeps the ids and hashes of other sections when one section changes', () => {
    const before = chunksOf(longLesson('A short introduction.'));
    const after = chunksOf(longLesson('A short introduction.').replace('Order does not matter', 'Order never matters'));
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    const changed = after.filter((c, i) => c.hash !== before[i]!.hash).map((c) => c.id);
    expect(changed).toEqual(['long#second-idea']);
  });
});
