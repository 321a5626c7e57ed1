// The server module: HTTP (Hono) and the file-system edges the CLI and server share.
export { readCourseFolder } from './read-course-folder.js';
export { createPreviewApp, type PreviewSource } from './preview/preview-app.js';
export { startPreview, type PreviewServer } from './preview/start-preview.js';
export { createApp, type AppOptions } from './create-app.js';
export { watchCourseFolder, type WatchedCourse } from './watch-course-folder.js';
export { createCourseCatalog, type CourseCatalog, type PublishedCourse } from './courses/course-catalog.js';
export { createStoreJournal } from './tutoring/store-journal.js';
export { createStoreTranslationCache } from './tutoring/store-translation-cache.js';
export { createStoreModelCallRecorder, readStoredModelCalls } from './tutoring/store-model-call-recorder.js';
export type { ServerContext, ServerLimits } from './server-context.js';
export { defaultServerLimits } from './server-context.js';
export { startServer, type StartServerOptions, type RunningServer } from './start-server.js';
export { defaultBackupSchedule } from './schedule-backups.js';
export { createPrometheusMetrics, recordModelCallMetrics, type PrometheusMetrics, type MetricsEndpoint } from './metrics/index.js';
export { buildWebApp, serveWebApp, type WebAppSource } from './web-assets/index.js';
