// Invitations to a course: an enrollments row holding the SHA-256 of a random token. The link
// carries the token; whoever opens it before it expires may accept it once.
import type { Kysely } from 'kysely';
import type { Database, EnrollmentRole } from '../../store/index.js';
import { hashToken, newToken } from '../auth/tokens.js';

/** How long an invitation link stays valid. */
export const invitationDays = 14;

export interface Invitation {
  enrollment: string;
  course: { id: string; title: string };
  role: EnrollmentRole;
  email: string | null;
  /** open: may be accepted; used: accepted already; expired: older than `invitationDays`. */
  state: 'open' | 'used' | 'expired';
}

export function createInvitations(db: Kysely<Database>, clock: { now(): Date }) {
  return {
    /** A new invitation; returns the token for the link (only its hash is stored). */
    async create(input: { course: string; role: EnrollmentRole; email: string | null }): Promise<{ token: string }> {
      const token = newToken();
      await db
        .insertInto('enrollments')
        .values({ course_id: input.course, role: input.role, invite_token_hash: hashToken(token), invite_email: input.email?.trim().toLowerCase() ?? null, user_id: null, created_at: clock.now() })
        .execute();
      return { token };
    },

    async find(token: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom('enrollments')
        .innerJoin('courses', 'courses.id', 'enrollments.course_id')
        .select(['enrollments.id', 'enrollments.role', 'enrollments.invite_email', 'enrollments.created_at', 'enrollments.accepted_at', 'courses.id as course_id', 'courses.title'])
        .where('enrollments.invite_token_hash', '=', hashToken(token))
        .where('courses.current_version', 'is not', null)
        .executeTakeFirst();
      if (!row) return undefined;
      const expired = new Date(row.created_at).getTime() + invitationDays * 86_400_000 <= clock.now().getTime();
      return {
        enrollment: row.id,
        course: { id: row.course_id, title: row.title },
        role: row.role,
        email: row.invite_email,
        state: row.accepted_at ? 'used' : expired ? 'expired' : 'open',
      };
    },

    /**
     * Enrolls `user` through an open invitation, marking it used. A user already enrolled keeps that
     * enrollment, raised to teacher by a teacher invitation (never lowered by a learner one).
     * Returns false when the invitation was used meanwhile.
     */
    async accept(invitation: Invitation, user: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const existing = await trx.selectFrom('enrollments').select(['id', 'role']).where('course_id', '=', invitation.course.id).where('user_id', '=', user).forUpdate().executeTakeFirst();
        const claimed = await trx
          .updateTable('enrollments')
          .set(existing ? { accepted_at: now } : { accepted_at: now, user_id: user })
          .where('id', '=', invitation.enrollment)
          .where('accepted_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!claimed) return false;
        if (existing) {
          await trx
            .updateTable('enrollments')
            .set({ accepted_at: now, ...(invitation.role === 'teacher' ? { role: 'teacher' as const } : {}) })
            .where('id', '=', existing.id)
            .execute();
        }
        return true;
      });
    },
  };
}

export type Invitations = ReturnType<typeof createInvitations>;
