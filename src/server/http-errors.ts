// Every rejection is a 4xx with a reason a person can read: `{ "error": "…" }`.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';

/** Validates a request part with Zod; a bad one gets 400 naming the field and what is wrong. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.');
    return c.json({ error: `${field ? `${field}: ` : ''}${issue.message}` }, 400);
  });
