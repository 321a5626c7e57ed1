// A ModelCallRecorder that counts each call in the metrics, then hands it on (to the store).
import type { ModelCallRecorder } from '../../models/index.js';
import type { PrometheusMetrics } from './create-prometheus-metrics.js';

export function recordModelCallMetrics(metrics: Pick<PrometheusMetrics, 'modelCall'>, next?: ModelCallRecorder): ModelCallRecorder {
  return {
    async record(call) {
      metrics.modelCall(call); // counted first: a store that fails must not hide the call from monitoring
      await next?.record(call);
    },
  };
}
