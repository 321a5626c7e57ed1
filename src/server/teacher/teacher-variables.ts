// What the teacher routes put on a request: the signed-in account, and for /courses/:course/… the
// course the teacher may teach (checked once, by `requireTeachableCourse`).
import type { CourseAccess } from '../access.js';
import type { AuthVariables } from '../auth/session.js';

export type TeacherVariables = AuthVariables & { teaching: { course: string; access: Extract<CourseAccess, 'admin' | 'teacher'> } };

export type TeacherEnv = { Variables: TeacherVariables };
