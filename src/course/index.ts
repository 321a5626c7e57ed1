// The course module: the course format, its compiler, and the compiled bundle `{ public, keys }`.
export * from './schema.js';
export * from './bundle.js';
export * from './diagnostic.js';
export { compileCourse, bundleHash, type CourseFiles, type CompileResult } from './compile-course.js';
export { chunkLesson, estimateTokens, sha256, slugify } from './chunk-lesson.js';
export { parseMarkdown, blockDirectives } from './markdown.js';
export { courseJsonSchemas, type JsonSchemaFile } from './json-schemas.js';
export { renderMarkdown } from './render-markdown.js';
export * from './import-oatutor/index.js';
