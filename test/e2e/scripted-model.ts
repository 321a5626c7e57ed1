// The model the browser tests talk to: an OpenAI-compatible test server that answers at once and
// always the same way. Tutor turns get a short Socratic reply citing the course text the prompt
// carried; translations come back unchanged (placeholders intact); anything else gets "ok".
import { startOpenAITestServer, type OpenAITestServer, type TestServerRequest, type TestServerStep } from '../../src/models/testing/openai-test-server.js';

/** The chunk cited when a tutor prompt carries no course text (the first section of the first lesson). */
export const fallbackCitation = 'derivative-as-limit#average-rate-of-change';

/** The tutor's reply, with `{chunk}` replaced by the cited chunk id. Tests look for its first words. */
export const scriptedTutorReply = 'Good question. Before I answer, what happens to the slope of the secant line as the interval $h$ shrinks? Look at [{chunk}] and tell me what you notice.';

/** The tutor's words about an answer checked on an exercise card (the turn's message starts "My answer:"). */
export const scriptedAnswerComment = 'Let us look at your answer together: which of the functions did you check at x = 0, and how?';

/** A message the tutor takes its time over (its first words come after 1.5 s), and its reply. */
export const slowQuestion = 'Take your time:';
export const scriptedSlowReply = 'Thank you for waiting. Which step of the definition would you like to go through?';

/** The same reply in the languages the screenshots use, so the tutor's language check passes as with a real model. */
const repliesByLanguage: Record<string, string> = {
  en: scriptedTutorReply,
  hi: 'अच्छा सवाल। जवाब देने से पहले सोचिए: जब अंतराल छोटा होता जाता है, तो छेदक रेखा की ढलान का क्या होता है? [{chunk}] देखिए और बताइए कि आपने क्या देखा।',
  zh: '好问题。在我回答之前，请想一想：当区间不断缩小时，割线的斜率会怎样变化？看看 [{chunk}]，告诉我你注意到了什么。',
  ar: 'سؤال جيد. قبل أن أجيب، فكّر: ماذا يحدث لميل الخط القاطع عندما تصغر الفترة أكثر فأكثر؟ انظر إلى [{chunk}] وأخبرني بما تلاحظه.',
};

export function startScriptedModel(): Promise<OpenAITestServer> {
  return startOpenAITestServer({ respond: scriptedStep });
}

function scriptedStep(request: TestServerRequest): TestServerStep {
  const texts = request.messages.map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)));
  const system = texts[0] ?? '';
  if (system.startsWith('You translate course text')) return { reply: texts.at(-1) ?? '' };
  if (system.startsWith('You grade')) return { reply: '{"criteria":[],"feedback":"Thank you."}' };
  if (!system.startsWith('You are Primer, a patient tutor')) return { reply: 'ok' }; // summaries and other tasks
  const cited = [...texts.join('\n').matchAll(/<course text="cite by id">\n\[([^\]\s]+)\]/g)].at(-1)?.[1] ?? fallbackCitation;
  const last = texts.at(-1) ?? '';
  if (last.startsWith('My answer:')) return { reply: scriptedAnswerComment, chunkSize: 12 };
  if (last.includes(slowQuestion)) return { fail: 'slow-first-token', delayMs: 1500, reply: scriptedSlowReply };
  const language = /The learner: reply in language "([^"]+)"/.exec(texts.join('\n'))?.[1]?.toLowerCase().split('-')[0] ?? 'en';
  return { reply: (repliesByLanguage[language] ?? scriptedTutorReply).replace('{chunk}', cited), chunkSize: 12 };
}
