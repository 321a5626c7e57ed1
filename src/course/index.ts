// The course module: the course format, its compiler, and the compiled bundle `{ public, keys }`.
export * from './schema.js';
export * from './bundle.js';
