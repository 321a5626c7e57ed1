// Free-response answers graded by the router's `grade` task (the grader may see the reference; what
// it says to the learner passes the output guard like any other reply).
import { freeResponseGradeSchema, type FreeResponseGrader } from '../../exercise/index.js';
import type { ModelRouter } from '../../models/index.js';

/** A free-response grader over the router's `grade` task: JSON per rubric criterion, validated. */
export function createModelGrader(router: ModelRouter, course: string): FreeResponseGrader {
  return async (input) => {
    const routed = await router.generate({
      task: 'grade',
      course,
      system: 'You grade a learner\'s answer against a rubric and a reference answer. Reply with JSON only: {"criteria":[{"criterion":"…","awarded":0,"comment":"…"}],"feedback":"…"}. Comments and feedback speak to the learner in their language and never quote or paraphrase the reference.',
      prompt: JSON.stringify({ question: input.prompt, rubric: input.rubric, reference: input.reference, answer: input.answer, language: input.language }),
    });
    if (routed.noModel) throw new Error(`no grader available: ${routed.reason}`);
    const text = routed.result.text;
    const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
    return freeResponseGradeSchema.parse(JSON.parse(json));
  };
}
