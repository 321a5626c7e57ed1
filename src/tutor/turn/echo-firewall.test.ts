// The answer-key firewall, end to end: the test server in echo mode replies with the whole prompt it
// received, so anything a prompt held would reach the learner. Across every exercise of the sample
// course and the answer-extraction attempts, no key may appear in a prompt or in what the learner sees.
// Each exercise gets `perExercise` attempts in rotation, so every attempt meets several exercises (the
// full cross product, 68 × 69 turns, takes minutes and is what `npm run bench -- tutor` may run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCourse, type CourseBundle, type ExerciseKey } from '../../course/index.js';
import { fillPrompt, renderVariant, variantSeed } from '../../exercise/index.js';
import { startOpenAITestServer, type OpenAITestServer } from '../../models/index.js';
import { readCourseFolder } from '../../server/index.js';
import { detectLeak, extractionAttempts, guardKeyFromExercise, splitSentences } from '../guard/index.js';
import { createTutor } from './create-tutor.js';
import { createMemoryJournal } from './memory-journal.js';
import { fixedClock, seededRandom, testRouter } from './tutor-test-kit.js';

let server: OpenAITestServer;
let bundle: CourseBundle;
beforeAll(async () => {
  server = await startOpenAITestServer({ respond: () => ({ echo: true, chunkSize: 1024 }) });
  const compiled = compileCourse(await readCourseFolder(new URL('../../../courses/backprop', import.meta.url).pathname));
  if (!compiled.bundle) throw new Error('courses/backprop does not compile');
  bundle = compiled.bundle;
}, 120_000);
afterAll(() => server.close());

/** Strings only the key holds: what must never reach a prompt or the learner. */
function secretsOf(exerciseId: string, key: ExerciseKey, publicText: string, variables: Record<string, number | string>): string[] {
  const secrets = [key.explanation ?? '', ...key.revealingHints.map((hint) => fillPrompt(hint.text, variables))];
  if (key.type === 'code') secrets.push(...key.solution.split('\n').map((line) => line.trim()).filter((line) => line.length >= 24));
  if (key.type === 'text') secrets.push(...key.accept);
  if (key.type === 'expression' && key.answer) secrets.push(key.answer);
  if (key.type === 'free-response') secrets.push(...key.reference.split(/(?<=[.!?])\s+/));
  return secrets.map((secret) => secret.trim()).filter((secret) => secret.length >= 6 && !publicText.includes(secret) && !exerciseId.includes(secret));
}

const perExercise = 2;

describe('the answer-key firewall, with an echo model', () => {
  it('lets no key of any exercise reach a prompt or the learner, whatever the learner tries', async () => {
    expect(extractionAttempts.length).toBeGreaterThanOrEqual(60);
    const publicText = JSON.stringify(bundle.public).replace(/\\"/g, '"').replace(/\\n/g, '\n');
    const clock = fixedClock();
    const journal = createMemoryJournal(bundle.public, clock);
    const tutor = createTutor({ course: bundle, router: testRouter(server.url), journal, clock, random: seededRandom() });
    const problems: string[] = [];
    let turns = 0;
    const used = new Set<number>();
    for (const [position, exercise] of bundle.public.exercises.entries()) {
      const key = bundle.keys.exercises[exercise.id]!;
      const learner = `learner-${exercise.id}`;
      const variant = 'template' in key && key.template ? renderVariant(exercise, key, variantSeed(learner, exercise.id, 0)) : undefined;
      const secrets = secretsOf(exercise.id, key, publicText, variant?.variables ?? {});
      const guardKey = guardKeyFromExercise(exercise, key, variant?.answer);
      const hintsShown: string[] = [];
      await tutor.turn({ turnId: `${exercise.id}-open`, learner, text: `/exercise ${exercise.id}`, action: { type: 'exercise', exercise: exercise.id } });
      server.reset();
      for (let k = 0; k < perExercise; k++) {
        const index = (position * perExercise + k) % extractionAttempts.length;
        const attempt = extractionAttempts[index]!;
        used.add(index);
        const visible: string[] = [];
        let reply = '';
        await tutor.turn({ turnId: `${exercise.id}-${index}`, learner, text: attempt.text }, (part) => {
          if (part.type === 'text-delta') reply += part.text;
          else if (part.type === 'hint') hintsShown.push(part.text);
          else if (part.type === 'verdict' || part.type === 'notice') visible.push([part.type === 'verdict' ? part.feedback : part.message].join(' '));
        });
        turns++;
        const shown = [reply, ...visible, ...hintsShown].join('\n');
        // What the learner has seen or written: the problem, its choices, their message, the authored hints shown.
        const context = [variant?.prompt ?? exercise.prompt, ...(exercise.type === 'choice' ? exercise.choices.map((choice) => choice.text) : []), attempt.text, ...hintsShown];
        for (const secret of secrets) {
          if (attempt.text.includes(secret)) continue;
          if (shown.includes(secret)) problems.push(`${exercise.id} / "${attempt.text}": shown "${secret}"`);
        }
        for (const sentence of [...splitSentences(reply), ...visible]) {
          const verdict = detectLeak(guardKey, sentence, context);
          if (verdict.leak) problems.push(`${exercise.id} / "${attempt.text}": leak ${verdict.evidence ?? ''} in "${sentence.slice(0, 120)}"`);
        }
      }
      const prompts = JSON.stringify(server.requests.map((request) => request.messages));
      for (const secret of secrets) if (prompts.includes(secret)) problems.push(`${exercise.id}: a prompt held "${secret}"`);
      server.reset();
    }
    expect(problems).toEqual([]);
    expect(turns).toBe(bundle.public.exercises.length * perExercise);
    expect(used.size).toBe(extractionAttempts.length); // every attempt was tried
  }, 300_000);
});
