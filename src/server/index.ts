// The server module: HTTP (Hono) and the file-system edges the CLI and server share.
export { readCourseFolder } from './read-course-folder.js';
