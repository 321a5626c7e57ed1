// The OATutor importer: OATutor's published JSON → Primer course files. Pure; the CLI does the I/O.
export { convertOatutor, type ConvertOptions, type ImportedCourse, type ImportedExercise, type ImportSummary, type OatutorContent } from './convert-oatutor.js';
export type { OatutorProblemFiles, OatutorStepFiles } from './load-oatutor-files.js';
export type { Issue } from './build-exercises.js';
