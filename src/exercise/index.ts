// The exercise module: checkers per answer type, parameterized variants and code sandboxes.
// Only this module and the output guard read a course's keys; no verdict ever contains one.
export { checkAnswer, type CheckAnswerInput } from './check-answer.js';
export { answerProblemSchema, describeProblem, type AnswerProblem } from './answer-problem.js';
export { verdictSchema, type Verdict, type VerdictKind, type VerdictReason, type TestResult } from './verdict.js';
export { ExerciseKeyError } from './exercise-key-error.js';
export { checkChoice, readChoices } from './check-choice.js';
export { checkNumeric, readNumericAnswer, withinTolerance, type NumericKey, type NumericReading } from './check-numeric.js';
export { checkExpression, compareExpressions, type ExpressionKey } from './check-expression.js';
export { checkText, normaliseText } from './check-text.js';
export { checkCode, verdictFromRun } from './check-code.js';
export { parseNumber, numberSeparators } from './parse-number.js';
export { parseExpression } from './parse-expression.js';
export { latexToMathjs, looksLikeLatex } from './latex-to-mathjs.js';
export { asciiForms } from './math.js';
export {
  freeResponseGradeSchema,
  scoreRubric,
  verdictFromRubric,
  type FreeResponseGrade,
  type FreeResponseGrader,
  type FreeResponseGradingInput,
  type RubricCriterion,
  type RubricScore,
} from './free-response.js';
export { renderVariant, learnerVariantSeed, drawVariables, fillPrompt, type Variant, type VariableValue } from './render-variant.js';
export { variantSeed, seededRandom, hashString } from './seeded-random.js';
export { checkTemplates, type TemplateProblem } from './check-templates.js';
export { checkCourseExercises, type CheckCourseExercisesOptions } from './check-course-exercises.js';
export { createSandbox } from './sandbox/create-sandbox.js';
export { createPythonSandbox, type PythonSandbox } from './sandbox/python-sandbox.js';
export { createJavaScriptSandbox, type JavaScriptSandbox } from './sandbox/javascript-sandbox.js';
export { defaultLimits, type Sandbox, type CodeLanguage, type CodeLimits, type CodeRunRequest, type CodeRunResult, type CodeRunStatus } from './sandbox/sandbox.js';
