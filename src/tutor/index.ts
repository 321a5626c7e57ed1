// The tutor module: the assistant's turn — context assembly, policy prompt, tools and output guards.
export { createCourseIndex, type CourseIndex } from './context/course-index.js';
export { assembleContext, type LearnerView, type ModelMessage, type Turn, type TutorContext, type TutorContextInput } from './context/assemble-context.js';
export { policyV1, type PolicyPrompt } from './prompts/policy-v1.js';
export * from './guard/index.js';
export { createTutor, type Tutor, type TutorOptions } from './turn/create-tutor.js';
export { createMemoryJournal, type MemoryJournal } from './turn/memory-journal.js';
export { replyKey, type JournalEntry, type JournalEvent, type JournalMessage, type LearnerSnapshot, type TutorJournal } from './turn/tutor-journal.js';
export { answerLeakGuard, createAnswerLeakGuard, type OutputGuard } from './turn/output-guard.js';
export type { NoticeCode, TurnAction, TurnRequest, TurnSummary, TutorStreamPart } from './turn/turn-types.js';
export { createTutorTools, tutorToolNames, type TutorTools } from './tools/create-tutor-tools.js';
export { learnerExercisePrompt } from './turn/exercise-variant.js';
export type { UnansweredQuestion } from './turn/tutor-journal.js';
export { learnerCommandList, parseLearnerCommand } from './turn/learner-command.js';
