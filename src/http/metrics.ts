/** Prometheus metrics of one process, in a registry of its own (no global state). */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Histogram<'method' | 'route' | 'status'>;
  /** Webhook delivery attempts by event and outcome (`delivered`, `failed`). */
  webhookDeliveries: Counter<'event' | 'outcome'>;
  /** Partners' feed pages by outcome (`applied`, `duplicate`, `rejected`). */
  exchangePages: Counter<'partner' | 'outcome'>;
  /** Rejected feed pages by reason (`bad-signature`, `out-of-order`, …). */
  exchangeRejections: Counter<'partner' | 'reason'>;
  /** Feed items received by operation (`upsert`, `retract`). */
  exchangeItems: Counter<'partner' | 'op'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'credence_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'credence_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'credence_webhook_deliveries_total',
      help: 'Webhook delivery attempts by event and outcome',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    }),
    exchangePages: new Counter({
      name: 'credence_exchange_pages_total',
      help: 'Feed pages pulled from partner nodes by outcome',
      labelNames: ['partner', 'outcome'],
      registers: [registry],
    }),
    exchangeRejections: new Counter({
      name: 'credence_exchange_rejections_total',
      help: 'Feed pages of partner nodes rejected, by reason',
      labelNames: ['partner', 'reason'],
      registers: [registry],
    }),
    exchangeItems: new Counter({
      name: 'credence_exchange_items_total',
      help: 'Feed items received from partner nodes by operation',
      labelNames: ['partner', 'op'],
      registers: [registry],
    }),
  };
}
