// Published courses and their versions. A version is a compiled bundle addressed by its content
// hash; publishing the same content twice changes nothing, and old versions are kept, so events
// recorded on any version stay readable while learners continue on the newest.
import type { Kysely } from 'kysely';
import type { CourseBundle, KeysBundle, PublicBundle } from '../../course/index.js';
import type { Database } from '../../store/index.js';

export interface PublishedCourse {
  id: string;
  title: string;
  owner: string | null;
  version: string; // content hash of the current version
}

export interface CourseCatalog {
  /** Stores the bundle as the course's current version; `isNew` is false when this content was already published. */
  publish(bundle: CourseBundle, owner?: string | null): Promise<{ course: string; version: string; isNew: boolean }>;
  /** The current version of a course, or a given one. */
  bundle(course: string, version?: string): Promise<CourseBundle | undefined>;
  list(): Promise<PublishedCourse[]>;
  versions(course: string): Promise<{ version: string; publishedAt: Date }[]>;
  /** Makes an already published version current again; false when the course has no such version. */
  setCurrent(course: string, version: string): Promise<boolean>;
  /** How many times this process has changed a course's current version: what was read before a change may be stale. */
  changes(): number;
}

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function createCourseCatalog(db: Kysely<Database>): CourseCatalog {
  const cache = new Map<string, CourseBundle>(); // by content hash: versions never change
  let changes = 0;

  return {
    async publish(bundle, owner = null) {
      const { course } = bundle.public;
      const version = bundle.public.hash;
      changes++; // before and after: a read in between is stale either way
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('courses').select(['id', 'owner_id']).where('id', '=', course.id).executeTakeFirst();
        if (!existing) await trx.insertInto('courses').values({ id: course.id, title: course.title, owner_id: owner, current_version: null }).execute();
        const known = await trx.selectFrom('course_versions').select('content_hash').where('course_id', '=', course.id).where('content_hash', '=', version).executeTakeFirst();
        if (!known) {
          await trx.insertInto('course_versions').values({ course_id: course.id, content_hash: version, public_bundle: JSON.stringify(bundle.public) }).execute();
          await trx.insertInto('course_version_keys').values({ course_id: course.id, content_hash: version, keys_bundle: JSON.stringify(bundle.keys) }).execute();
        }
        await trx.updateTable('courses').set({ title: course.title, current_version: version }).where('id', '=', course.id).execute();
        cache.set(version, bundle);
        return { course: course.id, version, isNew: !known };
      }).finally(() => changes++);
    },

    async bundle(courseId, version) {
      const hash = version ?? (await db.selectFrom('courses').select('current_version').where('id', '=', courseId).executeTakeFirst())?.current_version;
      if (!hash) return undefined;
      const cached = cache.get(hash);
      if (cached) return cached;
      const row = await db
        .selectFrom('course_versions')
        .innerJoin('course_version_keys', (join) => join.onRef('course_version_keys.course_id', '=', 'course_versions.course_id').onRef('course_version_keys.content_hash', '=', 'course_versions.content_hash'))
        .select(['course_versions.public_bundle', 'course_version_keys.keys_bundle'])
        .where('course_versions.course_id', '=', courseId)
        .where('course_versions.content_hash', '=', hash)
        .executeTakeFirst();
      if (!row) return undefined;
      const bundle = { public: parseJson<PublicBundle>(row.public_bundle), keys: parseJson<KeysBundle>(row.keys_bundle) };
      cache.set(hash, bundle);
      return bundle;
    },

    async list() {
      const rows = await db.selectFrom('courses').select(['id', 'title', 'owner_id', 'current_version']).where('current_version', 'is not', null).orderBy('title').execute();
      return rows.map((row) => ({ id: row.id, title: row.title, owner: row.owner_id, version: row.current_version! }));
    },

    async versions(courseId) {
      const rows = await db.selectFrom('course_versions').select(['content_hash', 'created_at']).where('course_id', '=', courseId).orderBy('created_at', 'desc').execute();
      return rows.map((row) => ({ version: row.content_hash, publishedAt: new Date(row.created_at) }));
    },

    async setCurrent(courseId, version) {
      const known = await db.selectFrom('course_versions').select('content_hash').where('course_id', '=', courseId).where('content_hash', '=', version).executeTakeFirst();
      if (!known) return false;
      changes++;
      await db.updateTable('courses').set({ current_version: version }).where('id', '=', courseId).execute().finally(() => changes++);
      return true;
    },

    changes: () => changes,
  };
}
