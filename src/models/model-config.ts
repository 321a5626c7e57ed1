// The `models:` section of primer.config.yaml: providers, tiers, task → tier, escalation, budgets.
import { z } from 'zod';

export const taskNames = ['tutor', 'grade', 'translate', 'generate', 'summarize', 'judge'] as const;
export type TaskName = (typeof taskNames)[number];
/** Tiers from cheapest to strongest. */
export const tierNames = ['local', 'standard', 'frontier'] as const;
export type TierName = (typeof tierNames)[number];

const providerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('openai'),
    apiKeyEnv: z.string().default('OPENAI_API_KEY').describe('Environment variable holding the API key.'),
    baseURL: z.string().url().optional().describe('Override the API base URL (e.g. a proxy).'),
  }),
  z.object({
    type: z.literal('anthropic'),
    apiKeyEnv: z.string().default('ANTHROPIC_API_KEY').describe('Environment variable holding the API key.'),
    baseURL: z.string().url().optional().describe('Override the API base URL, ending in /v1.'),
  }),
  z.object({
    type: z.literal('openai-compatible'),
    baseURL: z.string().url().describe('Base URL of the chat-completions API, e.g. http://127.0.0.1:11434/v1 for Ollama.'),
    apiKeyEnv: z.string().optional().describe('Environment variable holding the API key, if the server needs one.'),
  }),
  z.object({
    type: z.literal('embedded'),
    modelPath: z.string().optional().describe('GGUF file to load; default: the file `primer model pull` downloads.'),
    threads: z.number().int().positive().optional().describe('CPU threads for generation; default: cores − 1.'),
    contextSize: z.number().int().positive().default(4096).describe('Context window in tokens.'),
    gpu: z.boolean().default(false).describe('Use a GPU (CUDA/Vulkan/Metal) when node-llama-cpp finds one.'),
  }),
]);
export type ProviderConfig = z.infer<typeof providerSchema>;

const priceSchema = z
  .object({
    inputPerMillion: z.number().nonnegative().default(0).describe('USD per million input tokens.'),
    outputPerMillion: z.number().nonnegative().default(0).describe('USD per million output tokens.'),
    cachedInputPerMillion: z.number().nonnegative().optional().describe('USD per million cached input tokens; default: the input price.'),
  })
  .default({ inputPerMillion: 0, outputPerMillion: 0 });
export type Price = z.infer<typeof priceSchema>;

const entrySchema = z.object({
  provider: z.string().describe('A key of `providers`.'),
  model: z.string().describe('The model id the provider knows, e.g. gpt-4.1-mini or qwen2.5:7b.'),
  price: priceSchema,
});
export type ChainEntryConfig = z.infer<typeof entrySchema>;

const timeoutsSchema = z.object({
  connectMs: z.number().int().positive().default(10_000).describe('Until the provider answers the request.'),
  firstTokenMs: z.number().int().positive().default(20_000).describe('Until the first token of the reply.'),
  totalMs: z.number().int().positive().default(120_000).describe('For the whole reply.'),
});

const tierSchema = z.object({
  chain: z.array(entrySchema).default([]).describe('Provider + model entries, tried in order.'),
  maxOutputTokens: z.number().int().positive().default(1024).describe('Upper bound on reply length; also what a budget reserves.'),
  timeouts: timeoutsSchema.default({ connectMs: 10_000, firstTokenMs: 20_000, totalMs: 120_000 }),
});
export type TierConfig = z.infer<typeof tierSchema>;

const signalNames = ['failedAttempts', 'confusion', 'hardSkill', 'invalidToolCall', 'guardViolation'] as const;
export type SignalName = (typeof signalNames)[number];

const escalationRuleSchema = z.object({
  signal: z.enum(signalNames),
  atLeast: z.number().int().positive().default(1).describe('For failedAttempts: the count that triggers the rule.'),
  tier: z.enum([...tierNames, 'next']).describe('The tier to move to at least; `next` means one above the tier chosen so far.'),
});
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

export const defaultEscalation: EscalationRule[] = [
  { signal: 'failedAttempts', atLeast: 2, tier: 'standard' },
  { signal: 'failedAttempts', atLeast: 4, tier: 'frontier' },
  { signal: 'hardSkill', atLeast: 1, tier: 'standard' },
  { signal: 'confusion', atLeast: 1, tier: 'next' },
  { signal: 'invalidToolCall', atLeast: 1, tier: 'next' },
  { signal: 'guardViolation', atLeast: 1, tier: 'next' },
];

const budgetsSchema = z.object({
  learnerPerDayUsd: z.number().nonnegative().optional().describe('Spend per learner per UTC day.'),
  coursePerDayUsd: z.number().nonnegative().optional(),
  coursePerMonthUsd: z.number().nonnegative().optional().describe('Spend per course per UTC calendar month.'),
  deploymentPerDayUsd: z.number().nonnegative().optional(),
  deploymentPerMonthUsd: z.number().nonnegative().optional().describe('Spend of the whole deployment per UTC calendar month.'),
});
export type BudgetsConfig = z.infer<typeof budgetsSchema>;

export const modelConfigSchema = z.object({
  providers: z.record(z.string(), providerSchema).default({}),
  tiers: z
    .object({ local: tierSchema.optional(), standard: tierSchema.optional(), frontier: tierSchema.optional() })
    .default({}),
  tasks: z
    .object(Object.fromEntries(taskNames.map((task) => [task, z.enum(tierNames).optional()])) as Record<TaskName, z.ZodOptional<z.ZodEnum<{ [K in TierName]: K }>>>)
    .default({})
    .describe('Default tier per task.'),
  escalation: z.array(escalationRuleSchema).default(defaultEscalation).describe('Applied to tutor turns, in order.'),
  fallbackToLowerTiers: z.boolean().default(true).describe('When a whole tier fails, try the cheaper tiers before giving up.'),
  budgets: budgetsSchema.default({}),
  retry: z
    .object({
      baseDelayMs: z.number().nonnegative().default(250),
      maxDelayMs: z.number().nonnegative().default(4_000).describe('A Retry-After longer than this skips to the next entry.'),
    })
    .default({ baseDelayMs: 250, maxDelayMs: 4_000 }),
  breaker: z
    .object({
      windowMs: z.number().int().positive().default(60_000),
      minCalls: z.number().int().positive().default(5),
      failureRatio: z.number().min(0).max(1).default(0.5),
      coolDownMs: z.number().int().positive().default(5_000),
      maxCoolDownMs: z.number().int().positive().default(300_000),
    })
    .default({ windowMs: 60_000, minCalls: 5, failureRatio: 0.5, coolDownMs: 5_000, maxCoolDownMs: 300_000 }),
});
export type ModelConfig = z.infer<typeof modelConfigSchema>;
export type ModelConfigInput = z.input<typeof modelConfigSchema>;

export const defaultTaskTiers: Record<TaskName, TierName> = {
  tutor: 'local',
  grade: 'local',
  translate: 'standard',
  generate: 'standard',
  summarize: 'local',
  judge: 'frontier',
};
