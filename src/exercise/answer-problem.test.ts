// A problem with an answer is said in the learner's language: every catalog says every English
// message with the same placeholders, and checkAnswer uses the learner's catalog (English without one).
import { describe, expect, it } from 'vitest';
import type { ExerciseKey, PublicExercise } from '../course/index.js';
import { answerProblemCatalogs, describeProblem } from './answer-problem.js';
import { checkAnswer } from './check-answer.js';

const flatten = (catalog: Record<string, Record<string, string>>): [string, string][] => Object.entries(catalog).flatMap(([group, messages]) => Object.entries(messages).map(([key, text]): [string, string] => [`${group}.${key}`, text]));
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

const base = { file: 'exercises/practice.yaml', line: 4, skills: ['halves'], prompt: 'Q', difficulty: 2, hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 0, hasExplanation: false };
const half: PublicExercise = { ...base, id: 'half', type: 'numeric' };
const halfKey: ExerciseKey = { mistakes: [], revealingHints: [], type: 'numeric', answer: 0.5 };
const pick: PublicExercise = { ...base, id: 'pick', type: 'choice', multiple: false, choices: [{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }, { id: 'c', text: 'three' }] };
const pickKey: ExerciseKey = { mistakes: [], revealingHints: [], type: 'choice', correct: ['b'] };

describe('answer problems', () => {
  const english = new Map(flatten(answerProblemCatalogs.en!));

  for (const [language, catalog] of Object.entries(answerProblemCatalogs)) {
    it(`${language} says every English message, with the same placeholders`, () => {
      const translated = new Map(flatten(catalog));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect(text.trim(), `${language}: ${key}`).not.toBe('');
        expect(placeholders(text), `${language}: ${key}`).toEqual(placeholders(english.get(key)!));
      }
    });
  }

  it("tells the learner what went wrong in the learner's language, with the language's decimal sign in the examples", async () => {
    expect((await checkAnswer({ exercise: half, key: halfKey, answer: 'seven' })).message).toBe('"seven" is not a number or a unit; enter a number, such as 0.5, 1/2, 5e-1, or 50%');
    expect((await checkAnswer({ exercise: half, key: halfKey, answer: 'sept', language: 'fr' })).message).toBe('« sept » n’est ni un nombre ni une unité ; saisissez un nombre, comme 0,5, 1/2, 5e-1 ou 50%');
    expect((await checkAnswer({ exercise: half, key: halfKey, answer: '1.234,5', language: 'fr' })).message).toBe('dans cette langue, écrivez les nombres décimaux avec « , », par exemple 0,5');
    expect((await checkAnswer({ exercise: half, key: halfKey, answer: '', language: 'pt-BR' })).message).toBe('a resposta está vazia; digite um número, como 0,5, 1/2, 5e-1 ou 50%');
    // German has no catalog: English words, German numbers
    expect((await checkAnswer({ exercise: half, key: halfKey, answer: 'sieben', language: 'de' })).message).toBe('"sieben" is not a number or a unit; enter a number, such as 0,5, 1/2, 5e-1, or 50%');
  });

  it('says a list of choices as the language lists alternatives', async () => {
    expect((await checkAnswer({ exercise: pick, key: pickKey, answer: 'q' })).message).toBe('"q" is not a choice; pick one of a, b, or c');
    expect((await checkAnswer({ exercise: pick, key: pickKey, answer: 'q', language: 'es' })).message).toBe('«q» no es una de las opciones; elige una opción entre a, b o c');
    expect((await checkAnswer({ exercise: pick, key: pickKey, answer: 'q', language: 'zh-Hans' })).message).toBe('“q”不是选项之一；请从 a、b或c 中选一个');
  });

  it('keeps teacher-facing reports in English', () => {
    expect(describeProblem({ code: 'time-limit', values: { seconds: 2 } })).toBe('Your code ran longer than 2 s and was stopped. Look for a loop that never ends or very slow work.');
  });
});
