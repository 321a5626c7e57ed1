// The tutor module: the assistant's turn — context assembly, policy prompt, tools and output guards.
export { createCourseIndex, type CourseIndex } from './context/course-index.js';
export { assembleContext, type LearnerView, type ModelMessage, type Turn, type TutorContext, type TutorContextInput } from './context/assemble-context.js';
export { policyV1, type PolicyPrompt } from './prompts/policy-v1.js';
export * from './guard/index.js';
