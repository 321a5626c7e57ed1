import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { createMemoryTranslationCache, createTranslator } from '../../i18n/index.js';
import { createRouter, modelConfigSchema, startOpenAITestServer, type OpenAITestServer, type TestServerRequest, type TestServerStep } from '../../models/index.js';
import { createTutor, type TutorOptions } from './create-tutor.js';
import { createMemoryJournal } from './memory-journal.js';
import { fixedClock, seededRandom, testRouter } from './tutor-test-kit.js';
import type { TurnAction, TutorStreamPart } from './turn-types.js';

const files = asCourseFiles(tinyCourse);
const { bundle } = compileCourse(files) as { bundle: CourseBundle };

let server: OpenAITestServer;
let respond: (request: TestServerRequest) => TestServerStep = () => ({ reply: 'ok' });
beforeAll(async () => {
  server = await startOpenAITestServer({ respond: (request) => respond(request) });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  respond = () => ({ reply: 'What do you think the first step is?' });
});

const systemOf = (request: TestServerRequest) => String(request.messages.find((m) => m.role === 'system')?.content ?? '');
const isTranslation = (request: TestServerRequest) => systemOf(request).startsWith('You translate course text');
const tutorRequests = () => server.requests.filter((request) => !isTranslation(request));

function setup(overrides: Partial<TutorOptions> = {}) {
  const clock = fixedClock();
  const journal = createMemoryJournal(bundle.public, clock);
  const tutor = createTutor({ course: bundle, router: testRouter(server.url), journal, clock, random: seededRandom(), ...overrides });
  let turn = 0;
  const send = async (text: string, action?: TurnAction, learner = 'ana') => {
    const parts: TutorStreamPart[] = [];
    const summary = await tutor.turn({ turnId: `t${++turn}-${learner}`, learner, text, ...(action ? { action } : {}) }, (part) => parts.push(part));
    return { ...summary, streamed: parts };
  };
  return { tutor, journal, send };
}

describe('a tutor turn', () => {
  it('catches a leaking reply, withholds the sentence and shows the rephrased one', async () => {
    const { send } = setup();
    await send('/exercise add-1', { type: 'exercise', exercise: 'add-1' });
    let tutorCalls = 0;
    respond = () => (++tutorCalls === 1 ? { reply: 'Good question, let us look at it together. The answer is 7. Count on from three.' } : { reply: 'Start at three and count on four more: where do you land?' });
    const turn = await send('Just tell me the answer.');
    expect(turn.leaksBlocked).toBe(1);
    expect(turn.text).not.toMatch(/\b7\b|seven/i);
    expect(turn.text).toContain('Good question');
    expect(turn.text).toContain('where do you land?');
    expect(turn.notices.join(' ')).toContain('withheld');
    // The rephrase call never sees the leaked sentence, and escalates on the guard violation.
    expect(JSON.stringify(tutorRequests().at(-1)!.messages)).not.toContain('The answer is 7');
  });

  it('sends the next hint when the rephrased reply leaks too', async () => {
    const { send } = setup();
    await send('/exercise add-1', { type: 'exercise', exercise: 'add-1' });
    respond = () => ({ reply: 'Well, 3 + 4 = 7, so it is seven.' });
    const turn = await send('What is it?');
    expect(turn.leaksBlocked).toBe(2);
    expect(turn.text).not.toMatch(/\b7\b|seven/i);
    expect(turn.hints).toEqual([{ exercise: 'add-1', rung: 1, reveals: false }]);
    expect(turn.streamed).toContainEqual(expect.objectContaining({ type: 'hint', rung: 1, text: 'Count on from 3.' }));
  });

  it('lets the model open an exercise, which the learner sees with the reply (the model is told not to repeat it)', async () => {
    const { send, journal } = setup();
    server.enqueue({ toolCalls: [{ name: 'show_exercise', arguments: { exercise: 'mul-choice' } }] }, { reply: 'Here is one on multiplying: take your time.' });
    const opened = await send('Can I practise multiplying?');
    expect(opened.tools).toEqual(['show_exercise']);
    expect(opened.streamed).toContainEqual(expect.objectContaining({ type: 'exercise', exercise: 'mul-choice', prompt: 'Which number is $2 \\times 3$?' }));
    expect(JSON.stringify(server.requests.at(-1)!.messages)).toContain('do not repeat it');
    expect((await journal.read('ana')).state.activity).toMatchObject({ kind: 'practise', exercise: 'mul-choice' });
  });

  it('gives the right rung: public rungs in order, the revealing rung only after the minimum attempts, then no credit', async () => {
    const { send, journal } = setup();
    await send('/exercise mul-choice', { type: 'exercise', exercise: 'mul-choice' });
    server.enqueue({ toolCalls: [{ name: 'give_hint', arguments: {} }] }, { reply: 'There is a hint for you: try it and tell me what you get.' });
    const asked = await send('Can I have a hint?');
    expect(asked.tools).toEqual(['give_hint']);
    expect(asked.streamed).toContainEqual(expect.objectContaining({ type: 'hint', rung: 1, text: 'Add 2 three times.', reveals: false }));
    const locked = await send('/hint', { type: 'hint' });
    expect(locked.hints).toEqual([]);
    expect(locked.streamed).toContainEqual(expect.objectContaining({ type: 'notice', code: 'hint-locked', count: 2 }));
    await send('/answer zzz', { type: 'answer', answer: 'zzz' }); // not a choice: unreadable, so not an attempt
    const unreadable = journal.events('ana').findLast((event) => event.type === 'attempt');
    expect(unreadable?.type === 'attempt' && unreadable.payload.problem).toMatchObject({ code: 'not-a-choice', values: { text: 'zzz' } }); // why, kept for the teacher
    expect((await send('/hint', { type: 'hint' })).streamed).toContainEqual(expect.objectContaining({ type: 'notice', code: 'hint-locked', count: 2 }));
    await send('/answer a', { type: 'answer', answer: 'a' });
    await send('/answer a', { type: 'answer', answer: 'a' });
    const revealed = await send('/hint', { type: 'hint' });
    expect(revealed.streamed).toContainEqual(expect.objectContaining({ type: 'hint', rung: 2, text: 'It is the second choice.', reveals: true }));
    const right = await send('/answer b', { type: 'answer', answer: 'b' });
    expect(right.verdicts).toEqual([{ exercise: 'mul-choice', verdict: 'correct' }]);
    const { state } = await journal.read('ana');
    expect(state.exercises['mul-choice']).toMatchObject({ solved: false, revealed: true, attempts: 3 });
    // The model never saw the revealing rung's text.
    expect(JSON.stringify(server.requests.map((r) => r.messages))).not.toContain('It is the second choice.');
  });

  it('answers a Spanish learner in Spanish, retrying once, and shows the lesson in Spanish from the shared cache', async () => {
    const cache = createMemoryTranslationCache();
    const router = testRouter(server.url);
    const translator = createTranslator({ router, cache, glossary: bundle.public.course.glossary });
    const { send } = setup({ router, translator });
    respond = (request) => {
      if (isTranslation(request)) return { reply: `(es) ${String(request.messages.at(-1)!.content)}` };
      if (systemOf(request).includes('Reply only in Spanish')) return { reply: '¡Buena pregunta! Cuando sumas, juntas dos cantidades. ¿Qué obtienes si cuentas tres y luego cuatro más?' };
      return { reply: 'Good question! When you add, you put two amounts together. What do you get if you count three and then four more?' };
    };
    await send('/lang es', { type: 'language', language: 'es' });
    const lesson = await send('/lesson adding', { type: 'lesson', lesson: 'adding' });
    const shown = lesson.streamed.find((part) => part.type === 'lesson');
    expect(shown).toMatchObject({ type: 'lesson', lesson: 'adding' });
    expect(shown && shown.type === 'lesson' && shown.sections[0]!.text.startsWith('(es) ')).toBe(true);
    expect(shown && shown.type === 'lesson' && shown.sections[0]!.text).toContain('$2 + 2 = 4$'); // math kept as written
    const translations = server.requests.filter(isTranslation).length;
    expect(translations).toBeGreaterThan(0);

    const reply = await send('¿Qué significa sumar dos números? No lo entiendo bien.');
    expect(reply.language).toBe('es');
    expect(reply.text).toContain('¿Qué obtienes');
    expect(reply.text).not.toContain('Good question');
    expect(reply.notices.join(' ')).toContain('La respuesta no estaba en tu idioma');

    // A second learner sees the same lesson from the cache: no new translation calls.
    const before = server.requests.filter(isTranslation).length;
    await send('/lang es', { type: 'language', language: 'es' }, 'bea');
    const again = await send('/lesson adding', { type: 'lesson', lesson: 'adding' }, 'bea');
    expect(again.streamed.find((part) => part.type === 'lesson')).toEqual(shown);
    expect(server.requests.filter(isTranslation).length).toBe(before);
  });

  it('goes to the lesson a message asks for, and the model answers from it', async () => {
    const { send } = setup();
    await send('/lesson adding', { type: 'lesson', lesson: 'adding' });
    const went = await send("Let's go to multiplying, please");
    expect(went.mode).toBe('model');
    expect(went.streamed).toContainEqual(expect.objectContaining({ type: 'lesson', lesson: 'multiplying' }));
    expect(went.activity).toMatchObject({ lesson: 'multiplying' });
    expect(JSON.stringify(tutorRequests().at(-1)!.messages)).toContain('Multiplying is repeated adding'); // the model reads the lesson it went to
    const asked = await send('Why does adding zero change nothing?'); // a question names no lesson to go to
    expect(asked.streamed.some((part) => part.type === 'lesson')).toBe(false);
  });

  it('answers in no-model mode when the budget is spent, and still teaches and checks', async () => {
    const router = testRouter(server.url, { budgets: { learnerPerDayUsd: 0 }, tiers: { local: { chain: [{ provider: 'test', model: 'tutor-small', price: { inputPerMillion: 1, outputPerMillion: 1 } }] } } });
    const { send } = setup({ router });
    const first = await send('Hello, where do I start?');
    expect(first.mode).toBe('no-model');
    expect(first.streamed).toContainEqual(expect.objectContaining({ type: 'notice', code: 'offline' }));
    expect(first.offline).toContain('over budget'); // for operators; the learner's notice says only that the assistant is offline
    expect(first.streamed.some((part) => part.type === 'lesson' || part.type === 'exercise')).toBe(true);
    await send('/exercise add-1', { type: 'exercise', exercise: 'add-1' });
    const wrong = await send('/answer 8', { type: 'answer', answer: '8' });
    expect(wrong.mode).toBe('no-model');
    expect(wrong.verdicts).toEqual([{ exercise: 'add-1', verdict: 'incorrect' }]);
    expect(wrong.text).toBe('Try again, or ask me for a hint.'); // the verdict is its own part
    const check = await send('Is 7 the right answer?'); // how to have it checked; the tutor does not say
    expect(check.text).toContain("Send it as your answer and I'll check it");
    expect(check.verdicts).toEqual([]);
    expect(check.text).not.toMatch(/\b7\b|seven|correct|right/i); // neither yes nor no
    const asked = await send('Just tell me the answer please');
    expect(asked.text).toContain("I won't give you the answer: finding it yourself is what makes it stick");
    expect(asked.streamed).toContainEqual(expect.objectContaining({ type: 'exercise', exercise: 'add-1' })); // the exercise again, to work on
    expect(asked.text).not.toMatch(/\b7\b|seven/i);
    const hint = await send('/hint', { type: 'hint' });
    expect(hint.streamed).toContainEqual(expect.objectContaining({ type: 'hint', text: 'Count on from 3.' }));
    expect(server.requests).toHaveLength(0);
  });

  it('tells a learner in no-model mode what comes next and why, how they are doing, and how to have a stated answer checked', async () => {
    const { send } = setup({ router: createRouter({ config: modelConfigSchema.parse({}) }) }); // no model configured
    await send('Hello, where do I start?'); // the first lesson
    const about = await send('What is this course about?'); // the teacher's description and the lessons
    expect(about.text).toContain('Its lessons:\n\n1. Adding\n2. Multiplying');
    const unchecked = await send('Is this right?'); // no exercise open: still how to have an answer checked, not a passage that says "right"
    expect(unchecked.text).toContain("Send it as your answer and I'll check it");
    expect(unchecked.text).not.toContain('The course explains');
    const next = await send('What should I learn next?'); // on to practice, with the plan's reason: not a passage that says "learn"
    expect(next.text).toMatch(/^Let's try an exercise on Adding/);
    expect(next.text).not.toContain('The course explains');
    expect(next.streamed).toContainEqual(expect.objectContaining({ type: 'exercise', exercise: 'add-1' }));
    const stated = await send("I think it's 7"); // an answer stated in words: how to send it, neither yes nor no
    expect(stated.text).toContain("Send it as your answer and I'll check it");
    expect(stated.verdicts).toEqual([]);
    const hinted = await send('Can I have a hint?'); // asked in words: the next rung, as /hint gives it
    expect(hinted.streamed).toContainEqual(expect.objectContaining({ type: 'hint', exercise: 'add-1', rung: 1, text: 'Count on from 3.' }));
    expect(hinted.text).toBe('');
    expect((await send('How am I doing?')).text).toMatch(/^You have mastered 0 of the course's 2 skills\.\n\n/); // nothing answered yet: nothing in progress
    await send('/answer 8', { type: 'answer', answer: '8' });
    const doing = await send('How am I doing?');
    expect(doing.text).toMatch(/^You have mastered 0 of the course's 2 skills\. You are working on Adding \(\d+%\)\./);
    expect(doing.verdicts).toEqual([]);
    expect((await send('¿Cómo voy?')).text).toMatch(/^Dominas 0 de las 2 habilidades del curso\. Estás trabajando en Adding \(\d+%\)\./);
    const went = await send("Let's go to multiplying"); // the lesson it names, from an exercise of another
    expect(went.streamed).toContainEqual(expect.objectContaining({ type: 'lesson', lesson: 'multiplying' }));
    expect(went.text).toBe('Here is the lesson. Ask me about any part of it, or say when you are ready for an exercise.');
    expect((await send('Why does the sum go to zero?')).streamed.some((part) => part.type === 'lesson' && part.lesson !== 'multiplying')).toBe(false); // a question, not a request to go
    await send('/exercise mul-choice', { type: 'exercise', exercise: 'mul-choice' });
    const skipped = await send('Skip this one, please'); // another exercise than the open one, and why
    const opened = skipped.streamed.find((part) => part.type === 'exercise');
    expect(opened).toBeDefined();
    expect(opened).not.toMatchObject({ exercise: 'mul-choice' });
    expect(skipped.text).toMatch(/^Let's practise Adding — at \d+% it's the skill you're least sure of right now.\n\nHere is your exercise./);
  });

  it('answers a question in no-model mode with the course paragraph that covers it, cited, says when the course does not, and when it found no passage', async () => {
    const router = testRouter(server.url, { budgets: { learnerPerDayUsd: 0 }, tiers: { local: { chain: [{ provider: 'test', model: 'tutor-small', price: { inputPerMillion: 1, outputPerMillion: 1 } }] } } });
    const { send } = setup({ router });
    const first = await send('Hello, where do I start?');
    expect(first.text).toContain("Let's start with Adding.");
    const notation = await send("What does f(x) mean?"); // about the subject, though no word of it can be looked up: not a request to move on
    expect(notation.text).toContain('no passage matches your question well');
    expect(notation.streamed.some((part) => part.type === 'exercise')).toBe(false);
    const lost = await send("I don't understand"); // asked which part, not moved on to an exercise
    expect(lost.text).toBe("Which part is unclear? Tell me the words or the step where you got stuck, and I'll show you what the course says about it.");
    expect(lost.streamed.some((part) => part.type === 'exercise')).toBe(false);
    const asked = await send('What is the answer to the exercise?'); // none is open: still no answer, and no passage that shares a word
    expect(asked.text).toBe("I won't give you the answer: finding it yourself is what makes it stick, and I'm here to help you get there.");
    const covered = await send('What does multiplying mean?');
    expect(covered.text).toContain('The course explains this in [multiplying#multiplying]:');
    expect(covered.text).toContain('Multiplying is repeated adding: $3 \\times 2 = 2 + 2 + 2$.');
    expect(covered.citations).toEqual(['multiplying#multiplying']);
    expect(covered.text).not.toContain("Let's start with Adding."); // said once, when the plan chose it
    const uncovered = await send('Who painted the Mona Lisa?');
    expect(uncovered.text).toContain('The course does not cover that, so I have passed your question on to your teacher.');
    expect(uncovered.citations).toEqual([]);
    const notFound = await send('Why is multiplying faster than counting dots one by one?'); // the course has "multiplying", no paragraph answers it
    expect(notFound.text).toContain("I can only look things up in the course's own words, and no passage matches your question well.");
    expect(notFound.citations).toEqual([]);
    const linked = await send('How much is two plus two?');
    expect(linked.text).toContain('Two plus two is $2 + 2 = 4$. Next: multiplying.'); // the link's words, not its target
  });

  it("speaks the learner's language in no-model mode, and moves on to an exercise when the learner has read the lesson", async () => {
    const questions: string[] = [];
    const memory = createMemoryJournal(bundle.public, fixedClock());
    const journal = { ...memory, recordQuestion: async ({ question }: { question: string }) => void questions.push(question) };
    const { send } = setup({ router: createRouter({ config: modelConfigSchema.parse({}) }), journal }); // no model configured
    expect((await send('/lang es', { type: 'language', language: 'es' })).text).toBe('A partir de ahora responderé en español.');
    const hello = await send('Hola');
    expect(hello.notices).toEqual(['El asistente no está disponible ahora, así que recibes directamente el material del curso, las respuestas corregidas y las pistas del profesor.']);
    expect(hello.text).toBe('Empecemos con Adding.'); // the course's title: no model, so no translation in the cache
    expect(hello.streamed.some((part) => part.type === 'exercise')).toBe(false);
    const ready = await send('vale');
    expect(ready.streamed).toContainEqual(expect.objectContaining({ type: 'exercise' }));
    expect(ready.text).toMatch(/^Probemos un ejercicio de Adding: ya has leído sobre ello, ahora te toca a ti\.\n\nAquí tienes tu ejercicio\./); // no answer yet: no mastery to quote
    const wrong = await send('/answer 999', { type: 'answer', answer: '999' });
    expect(wrong.verdicts.map((verdict) => verdict.verdict)).toEqual(['incorrect']);
    expect(wrong.text).toBe('Inténtalo de nuevo, o pídeme una pista.');
    const unreadable = await send('/answer siete', { type: 'answer', answer: 'siete' });
    expect(unreadable.streamed).toContainEqual(expect.objectContaining({ type: 'verdict', verdict: 'unparseable', message: '«siete» no es un número ni una unidad; escribe un número, como 0,5, 1/2, 5e-1 o 50%' }));
    expect((await send('/lesson nowhere', { type: 'lesson', lesson: 'nowhere' })).notices).toEqual(['No hay ninguna lección «nowhere» en este curso.']);
    // A question in Spanish shares no words with an English course: without a model it is neither found nor sent to the teacher.
    expect((await send('¿Por qué la suma es conmutativa?')).text).toMatch(/^Mientras el asistente no está disponible, solo puedo buscar con las palabras del propio curso, en inglés\./);
    expect(questions).toEqual([]);
    expect((await send('Who painted the Mona Lisa?')).text).toMatch(/^El curso no trata eso/); // in the course's language: not covered
    expect(questions).toEqual(['Who painted the Mona Lisa?']);
  });

  it('teaches from the lesson the learner has open: a message from beside another lesson moves the tutor there first', async () => {
    const { tutor, journal } = setup();
    await tutor.turn({ turnId: 'hello', learner: 'ana', text: 'Hello, where do I start?' }); // the plan starts with Adding
    const parts: TutorStreamPart[] = [];
    const turn = await tutor.turn({ turnId: 'beside', learner: 'ana', text: 'What does this lesson mean by repeated adding?', lesson: 'multiplying' }, (part) => parts.push(part));
    expect(turn.activity).toMatchObject({ kind: 'teach', lesson: 'multiplying' });
    expect(systemOf(tutorRequests().at(-1)!)).toContain('Current lesson: Multiplying (multiplying).');
    expect(parts).toContainEqual(expect.objectContaining({ type: 'lesson', lesson: 'multiplying' }));
    const moves = journal.events('ana').filter((event) => event.type === 'activity');
    await tutor.turn({ turnId: 'again', learner: 'ana', text: 'And why is that?', lesson: 'multiplying' });
    await tutor.turn({ turnId: 'unknown', learner: 'ana', text: 'And this one?', lesson: 'no-such-lesson' });
    expect(journal.events('ana').filter((event) => event.type === 'activity')).toHaveLength(moves.length); // already there; an unknown lesson is ignored
  });

  it('shows the way through a lesson of several sections when it moves there in no-model mode, each section cited', async () => {
    const paragraph = (text: string) => Array.from({ length: 8 }, () => text).join(' '); // long enough to be a section of its own (short ones are merged)
    const lesson = `${tinyCourse['lessons/01-adding.md']}\n## Counting on\n\n${paragraph('Start from the larger number and count on.')}\n\n## Adding zero\n\n${paragraph('Adding zero changes nothing.')}\n`;
    const sectioned = compileCourse(asCourseFiles({ ...tinyCourse, 'lessons/01-adding.md': lesson })) as { bundle: CourseBundle };
    const tutor = createTutor({ course: sectioned.bundle, router: createRouter({ config: modelConfigSchema.parse({}) }), journal: createMemoryJournal(sectioned.bundle.public, fixedClock()), clock: fixedClock(), random: seededRandom() });
    const turn = await tutor.turn({ turnId: 'walk', learner: 'ana', text: 'Walk me through this lesson', lesson: 'adding' });
    expect(turn.mode).toBe('no-model');
    expect(turn.text).toContain('“Adding”, step by step:\n\n1. Counting on\n2. Adding zero\n\nRead the sections in this order');
    expect(turn.citations).toEqual(['adding#adding', 'adding#adding-zero']); // the short first section shares the introduction's chunk
  });

  it('gives no mastery for answering a solved exercise right again the same day', async () => {
    const { send } = setup({ router: createRouter({ config: modelConfigSchema.parse({}) }) });
    await send('/exercise add-1', { type: 'exercise', exercise: 'add-1' });
    const masteryAfter = async () => {
      const turn = await send('/answer 7', { type: 'answer', answer: '7', exercise: 'add-1' });
      expect(turn.verdicts).toEqual([{ exercise: 'add-1', verdict: 'correct' }]);
      const told = turn.streamed.find((part) => part.type === 'verdict')!;
      return { told: told.type === 'verdict' ? told.message : undefined, mastery: turn.streamed.flatMap((part) => (part.type === 'progress' ? part.skills.map((skill) => skill.mastery) : [])) };
    };
    const first = await masteryAfter();
    expect(first.mastery.length).toBeGreaterThan(0);
    expect(first.told).toBeUndefined();
    const again = await masteryAfter();
    expect(again.mastery).toEqual(first.mastery);
    expect(again.told).toBe('You solved this one before, so answering it again today does not change your mastery. Try another exercise, or come back to this one tomorrow.');
    expect((await masteryAfter()).mastery).toEqual(first.mastery);
  });

  it('does not duplicate a re-sent turn: same reply, no second model call, one message stored', async () => {
    const { tutor, journal } = setup();
    respond = () => ({ reply: 'Let us start with adding. What is two plus two?' });
    const request = { turnId: 'turn-42', learner: 'ana', text: 'Hi! Teach me something.' };
    const first = await tutor.turn(request);
    const calls = server.requests.length;
    const second = await tutor.turn(request);
    expect(second.replayed).toBe(true);
    expect(second.text).toBe(first.text);
    expect(server.requests.length).toBe(calls);
    const messages = journal.events('ana').filter((event) => event.type === 'message');
    expect(messages.map((m) => m.type === 'message' && m.payload.role)).toEqual(['learner', 'tutor']);
  });

  it('sends the conversation append-only, the older messages in a summary that counts those the journal left out', async () => {
    const { send, journal } = setup();
    for (let question = 1; question <= 23; question++) await send(`Question ${question}: how do I add big numbers?`);
    expect((await journal.read('ana')).messages).toHaveLength(40); // of 46: the journal leaves the oldest out
    const [previous, last] = tutorRequests().slice(-2) as [TestServerRequest, TestServerRequest];
    expect(systemOf(last)).toContain('Earlier in this conversation (22 messages, summarised; 12 before them not shown)');
    expect(systemOf(last)).toContain('"Question 17: how do I add big numbers?"');
    // Between two moves of the summary, each prompt begins with the previous one up to its new message.
    expect(systemOf(last)).toBe(systemOf(previous));
    const before = previous.messages.slice(0, -1);
    expect(last.messages.slice(0, before.length)).toEqual(before);
    expect(String(last.messages.at(-1)!.content)).toContain('Question 23:');
    expect(String(last.messages.at(-3)!.content)).toContain('Question 22:');
  });

  it('records notes and profile changes the model makes with its tools', async () => {
    const { send, journal } = setup();
    server.enqueue({ toolCalls: [{ name: 'set_profile', arguments: { background: 'carpenter' } }, { name: 'note_learner', arguments: { text: 'Thinks in terms of measuring wood.' } }] }, { reply: 'Nice, a carpenter! Think of adding lengths of board.' });
    const turn = await send('I am a carpenter and I want to learn this.');
    expect(turn.tools).toEqual(['set_profile', 'note_learner']);
    const { state } = await journal.read('ana');
    expect(state.profile.background).toBe('carpenter');
    expect(state.memory[0]).toMatchObject({ text: 'Thinks in terms of measuring wood.' });
    expect(state.memory[0]!.evidence).toHaveLength(1);
  });
});

void createRouter;
