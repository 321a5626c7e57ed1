// The translation review queue: machine translations of a course's chunks, which the teacher
// approves as they are or edits. The shared cache serves the stored text, so an approved (edited)
// translation is what learners see from then on.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Chunk } from '../../course/index.js';
import { glossaryVersion } from '../../i18n/index.js';
import type { ApiTranslation } from '../api-types.js';
import { validate } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';
import type { TeacherEnv } from './teacher-variables.js';

const languageTag = z.string().trim().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]+)*$/, 'use a language tag such as es or pt-BR');
const translationQuery = z.object({ language: languageTag.optional(), status: z.enum(['machine', 'approved'], 'status is machine or approved').optional() });
const approveBody = z.object({ text: z.string().trim().min(1, 'the translation is empty').max(50_000, 'a translation has at most 50,000 characters') });

export function translationRoutes(context: ServerContext) {
  const { db } = context.store;
  const app = new Hono<TeacherEnv>();

  /** The current version's chunks by content hash (identical text in two places shares one translation). */
  const chunksOf = async (course: string) => {
    const bundle = (await context.catalog.bundle(course))!;
    const byHash = new Map<string, Chunk>();
    for (const chunk of bundle.public.chunks) if (!byHash.has(chunk.hash)) byHash.set(chunk.hash, chunk);
    return { byHash, glossary: glossaryVersion(bundle.public.course.glossary) };
  };

  const toApiTranslation = (chunk: Chunk, row: { language: string; text: string; status: 'machine' | 'approved'; model: string | null }): ApiTranslation => ({
    chunk: chunk.id,
    chunkHash: chunk.hash,
    heading: chunk.heading,
    language: row.language,
    source: chunk.text,
    text: row.text,
    status: row.status,
    model: row.model,
  });

  app.get('/:course/translations', validate('query', translationQuery), async (c) => {
    const { course } = c.get('teaching');
    const { language, status } = c.req.valid('query');
    const { byHash, glossary } = await chunksOf(course);
    if (byHash.size === 0) return c.json({ translations: [] });
    let query = db
      .selectFrom('translations')
      .select(['chunk_hash', 'language', 'text', 'status', 'model'])
      .where('chunk_hash', 'in', [...byHash.keys()])
      .where('glossary_version', '=', glossary);
    if (language) query = query.where('language', '=', language);
    if (status) query = query.where('status', '=', status);
    const rows = await query.orderBy('language').execute();
    const order = new Map([...byHash.keys()].map((hash, index) => [hash, index]));
    rows.sort((a, b) => a.language.localeCompare(b.language) || order.get(a.chunk_hash)! - order.get(b.chunk_hash)!);
    return c.json({ translations: rows.map((row) => toApiTranslation(byHash.get(row.chunk_hash)!, row)) });
  });

  /** Approves a translation (with the teacher's edits); it need not have had a machine translation first. */
  app.put('/:course/translations/:chunkHash/:language', validate('json', approveBody), async (c) => {
    const { course } = c.get('teaching');
    const { chunkHash, language } = c.req.param();
    const { text } = c.req.valid('json');
    if (!languageTag.safeParse(language).success) return c.json({ error: `"${language}" is not a language tag; use one such as es or pt-BR` }, 400);
    const { byHash, glossary } = await chunksOf(course);
    const chunk = byHash.get(chunkHash);
    if (!chunk) return c.json({ error: `the current version of course "${course}" has no chunk with hash ${chunkHash}` }, 404);
    const reviewer = c.get('account')!.id;
    const now = context.clock.now();
    const row = await db
      .insertInto('translations')
      .values({ chunk_hash: chunkHash, language, glossary_version: glossary, text, status: 'approved', reviewer_id: reviewer, model: null, updated_at: now })
      .onConflict((conflict) => conflict.columns(['chunk_hash', 'language', 'glossary_version']).doUpdateSet({ text, status: 'approved', reviewer_id: reviewer, updated_at: now }))
      .returning(['language', 'text', 'status', 'model'])
      .executeTakeFirstOrThrow();
    return c.json({ translation: toApiTranslation(chunk, row) });
  });

  return app;
}
