// Every rejection is a 4xx with a reason a person can read: `{ "error": "…" }`.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';

/** Validates a request part with Zod; a bad one gets 400 naming the field and what is wrong. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
  zValidator(
    target,
    schema,
    (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0]!;
      const field = issue.path.join('.');
      return c.json({ error: `${field ? `${field}: ` : ''}${issue.message}` }, 400);
    },
    // Zod's wording for its own checks; a schema's own message ("role is learner or teacher") comes first.
    // (The validator's types cannot resolve Zod 4's parse result for a generic schema, hence `never`.)
    { validationFunction: (checked, value) => checked.safeParseAsync(value, { error: plainIssue }) as never },
  );

/** A Zod issue in plain words ("missing; expected a string", "expected one of "en", "fr"", "must be at most 200 characters long"); undefined leaves Zod's. */
export function plainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const sent = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      return sent === undefined ? `missing; expected ${kindNamed(issue.expected)}` : `expected ${kindNamed(issue.expected)}, got ${kindOf(sent)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options; // a discriminated union's: the discriminator's values
      return options ? `expected one of ${options.map((value) => JSON.stringify(value)).join(', ')}` : undefined;
    }
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const bound = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'string') return issue.code === 'too_small' && limit === 1 ? 'must not be empty' : `must be ${bound} ${limit} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have ${bound} ${limit} items`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return `must be ${bound} ${limit}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

const kindNamed = (expected: string) =>
  ({ string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' })[expected] ?? expected;

/** What was sent instead: the value itself when it is short ("5", "true", ""hello""), else its kind. */
const kindOf = (value: unknown) => {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  const written = JSON.stringify(value) ?? String(value);
  return written.length <= 24 ? written : `a ${typeof value} of ${String(value).length} characters`;
};
