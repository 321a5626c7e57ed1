// The models module's public face: configuration, the router every model call goes through,
// the embedded model, accounting records, and a test server other modules' tests may use.
export { createRouter } from './router/create-router.js';
export type { ModelRouter, RouterOptions, RouteFields, Routed, RouterStreamRequest, RouterGenerateRequest } from './router/create-router.js';
export type { EscalationSignals, TierChoice } from './router/pick-tier.js';
export { pickTier } from './router/pick-tier.js';
export { NoModelAvailableError } from './router/route-state.js';
export type { RouteInfo } from './router/route-state.js';
export { ModelTimeoutError } from './router/classify-error.js';
export { createMemoryBudgetStore, budgetLinesFor, usdToNano, nanoToUsd } from './router/budget-ledger.js';
export type { BudgetStore, BudgetLine, BudgetReservation } from './router/budget-ledger.js';
export { loadModelConfig, parseModelConfigText, noModelNotice, resolveModelsDir, resolveModelCallLog } from './load-model-config.js';
export type { LoadedModelConfig, ConfigProblem } from './load-model-config.js';
export { modelConfigSchema, taskNames, tierNames, defaultEscalation, defaultTaskTiers } from './model-config.js';
export type { ModelConfig, ModelConfigInput, TaskName, TierName, Price } from './model-config.js';
export { createMemoryRecorder, createFileRecorder, readRecordFile, modelCallRecordSchema } from './accounting/model-call-record.js';
export type { ModelCallRecord, ModelCallRecorder, MemoryRecorder } from './accounting/model-call-record.js';
export { createEmbeddedModel, ModelFileMissingError } from './embedded/create-embedded-model.js';
export type { EmbeddedModel } from './embedded/create-embedded-model.js';
export { modelCatalog, defaultModel, findCatalogModel } from './embedded/model-catalog.js';
export { startOpenAITestServer, renderPrompt } from './testing/openai-test-server.js';
export type { OpenAITestServer, TestServerStep, TestServerRequest } from './testing/openai-test-server.js';
export { summarizeUsage } from './accounting/summarize-usage.js';
export type { UsageSummary, UsageRow } from './accounting/summarize-usage.js';
export { pullModel, sha256Of, formatBytes, PullError } from './embedded/pull-model.js';
export type { PullModelOptions, PullModelResult } from './embedded/pull-model.js';
