// Users and signed-in sessions in the database. Roles: admin, teacher, learner; a guest is a
// learner without an email (kept as a reserved address under .invalid) or a password.
import type { Kysely } from 'kysely';
import { eraseLearner, type Database, type ErasedLearner, type UserRole } from '../../store/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { hashToken, newToken } from './tokens.js';

export interface Account {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  guest: boolean;
}

const guestDomain = '@guest.primer.invalid';
/** True for the reserved address of a guest account. */
export const isGuestEmail = (email: string) => email.endsWith(guestDomain);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i; // ids are uuids; anything else names no account
const sessionDays = 30;

export interface AccountsOptions {
  /**
   * How long (ms) a process keeps a session it has looked up, so a learner's requests do not each
   * read auth_sessions and users. Signing out and role changes through this process apply at once;
   * through another process (several servers on one PostgreSQL), within this time. Default 60 s; 0 turns it off.
   */
  sessionCacheMs?: number;
  /** Most sessions kept (the least recently loaded go first). Default 20,000. */
  sessionCacheSize?: number;
  /** Called once a learner account is erased (the server lists it beside the backups, so a restore erases it again). */
  onErased?: (id: string) => Promise<void>;
}

export function createAccounts(db: Kysely<Database>, clock: { now(): Date }, options: AccountsOptions = {}) {
  const sessionCacheMs = options.sessionCacheMs ?? 60_000;
  const sessionCacheSize = options.sessionCacheSize ?? 20_000;
  // By token hash: the account, when the session itself expires, and until when the entry may be used.
  const sessions = new Map<string, { account: Account; expiresAt: number; freshUntil: number }>();
  let forgets = 0; // a lookup that was reading while a session or account was forgotten does not keep what it read
  const forgetAccount = (id: string) => {
    forgets++;
    for (const [hash, entry] of sessions) if (entry.account.id === id) sessions.delete(hash);
  };
  const toAccount = (row: { id: string; email: string; name: string; role: UserRole }): Account => ({ ...row, guest: isGuestEmail(row.email) });
  const columns = ['id', 'email', 'name', 'role'] as const;
  const find = async (id: string): Promise<Account | undefined> => {
    if (!uuidPattern.test(id)) return undefined;
    const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  };

  return {
    async create(input: { email: string; name: string; password: string; role: UserRole }): Promise<Account | 'email-taken'> {
      const email = input.email.trim().toLowerCase();
      const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) return 'email-taken';
      const row = await db
        .insertInto('users')
        .values({ email, name: input.name, role: input.role, password_hash: await hashPassword(input.password) })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toAccount(row);
    },

    async createGuest(): Promise<Account> {
      const email = `${newToken().slice(0, 16).toLowerCase()}${guestDomain}`;
      return toAccount(await db.insertInto('users').values({ email, name: 'Guest', role: 'learner', password_hash: null }).returning(columns).executeTakeFirstOrThrow());
    },

    /** The account for these credentials, or undefined; takes as long for an unknown email as for a wrong password. */
    async verify(email: string, password: string): Promise<Account | undefined> {
      const row = await db.selectFrom('users').select([...columns, 'password_hash']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      const ok = await verifyPassword(password, row?.password_hash ?? decoyHash);
      return row && row.password_hash && ok ? toAccount(row) : undefined;
    },

    async hasAdmin(): Promise<boolean> {
      return (await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst()) !== undefined;
    },

    /** Starts a session; the returned token goes into the cookie, only its hash is stored. */
    async startSession(userId: string): Promise<{ token: string; expires: Date }> {
      const token = newToken();
      const expires = new Date(clock.now().getTime() + sessionDays * 86_400_000);
      await db.insertInto('auth_sessions').values({ id_hash: hashToken(token), user_id: userId, expires_at: expires }).execute();
      return { token, expires };
    },

    async fromSession(token: string): Promise<Account | undefined> {
      const hash = hashToken(token);
      const now = clock.now().getTime();
      const cached = sessions.get(hash);
      if (cached && cached.freshUntil > now) return cached.expiresAt > now ? cached.account : undefined;
      const forgetsBefore = forgets;
      const row = await db
        .selectFrom('auth_sessions')
        .innerJoin('users', 'users.id', 'auth_sessions.user_id')
        .select(['users.id', 'users.email', 'users.name', 'users.role', 'auth_sessions.expires_at'])
        .where('auth_sessions.id_hash', '=', hash)
        .executeTakeFirst();
      sessions.delete(hash);
      if (!row) return undefined; // unknown tokens are not kept: anyone can send many
      const { expires_at, ...user } = row;
      const account = toAccount(user);
      const expiresAt = new Date(expires_at).getTime();
      if (sessionCacheMs > 0 && expiresAt > now && forgets === forgetsBefore) {
        sessions.set(hash, { account, expiresAt, freshUntil: now + sessionCacheMs });
        if (sessions.size > sessionCacheSize) sessions.delete(sessions.keys().next().value!);
      }
      return expiresAt > now ? account : undefined;
    },

    async endSession(token: string): Promise<void> {
      const hash = hashToken(token);
      const forget = () => {
        forgets++;
        sessions.delete(hash);
      };
      forget();
      await db.deleteFrom('auth_sessions').where('id_hash', '=', hash).execute().finally(forget); // and once more for a lookup that read meanwhile
    },

    find,

    /** Every account, newest first, with when it was created (the admin's user list). */
    async list(): Promise<(Account & { createdAt: Date })[]> {
      const rows = await db.selectFrom('users').select([...columns, 'created_at']).orderBy('created_at', 'desc').orderBy('email').execute();
      return rows.map(({ created_at, ...row }) => ({ ...toAccount(row), createdAt: new Date(created_at) }));
    },

    /** Changes an account's role; refuses to demote the last admin, so someone can always administer Primer. */
    async changeRole(id: string, role: UserRole): Promise<Account | 'not-found' | 'last-admin'> {
      if (!uuidPattern.test(id)) return 'not-found';
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('users').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) return 'not-found';
        if (row.role === 'admin' && role !== 'admin') {
          const admins = await trx.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
          if (admins.length <= 1) return 'last-admin';
        }
        return toAccount(await trx.updateTable('users').set({ role }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow());
      }).finally(() => forgetAccount(id));
    },

    /**
     * Erases a learner account and everything it left (eraseLearner): its sessions end at once. A
     * teacher or admin must be made a learner first; an account that approved translations keeps them
     * reviewed, so it is refused.
     */
    async erase(id: string): Promise<ErasedLearner | 'not-found' | 'not-a-learner' | 'reviewed-translations'> {
      const account = await find(id);
      if (!account) return 'not-found';
      if (account.role !== 'learner') return 'not-a-learner';
      if (await db.selectFrom('translations').select('chunk_hash').where('reviewer_id', '=', id).executeTakeFirst()) return 'reviewed-translations';
      forgetAccount(id);
      const erased = await eraseLearner(db, id).finally(() => forgetAccount(id));
      await options.onErased?.(id);
      return erased;
    },

    /** Turns a guest into a full account with an email and password, keeping its id and so all its progress. */
    async upgradeGuest(id: string, input: { email: string; name: string; password: string }): Promise<Account | 'email-taken' | 'not-a-guest'> {
      const email = input.email.trim().toLowerCase();
      const current = await find(id);
      if (!current?.guest) return 'not-a-guest';
      const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) return 'email-taken';
      const row = await db
        .updateTable('users')
        .set({ email, name: input.name, password_hash: await hashPassword(input.password) })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirstOrThrow();
      forgetAccount(id);
      return toAccount(row);
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
const decoyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
