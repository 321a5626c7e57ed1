// Prometheus metrics for /metrics.
export { createPrometheusMetrics, type MetricsEndpoint, type PrometheusMetrics } from './create-prometheus-metrics.js';
export { recordModelCallMetrics } from './record-model-call-metrics.js';
