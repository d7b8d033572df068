/** Prometheus metrics of one process, in a registry of its own (no global state). */
import { Counter, Registry, collectDefaultMetrics, type Metric } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: RequestDurations;
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
    httpRequests: new RequestDurations(registry),
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

interface Series {
  labels: { method: string; route: string; status: string };
  /** Observations per bucket (not cumulative), one more than the bounds for the +Inf bucket. */
  counts: number[];
  sum: number;
}

/**
 * `credence_http_request_duration_seconds` by method, route and status: a Prometheus histogram, exposed through
 * the registry like the others but counted here. prom-client's Histogram validates and hashes its labels on every
 * observation, about 5 % of the CPU time of a point-of-service check over HTTP (docs/benchmarks.md); here an
 * observation is one Map look-up and three additions, and the bucket series are built when scraped.
 */
export class RequestDurations {
  static readonly BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;
  readonly name = 'credence_http_request_duration_seconds';
  readonly help = 'HTTP request duration by route and status';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();

  constructor(registry: Registry) {
    // The registry only reads name, help, type, aggregator and get(): the shape prom-client's own metrics have.
    registry.registerMetric(this as unknown as Metric);
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = { labels: { method, route, status: String(status) }, counts: new Array<number>(RequestDurations.BUCKETS.length + 1).fill(0), sum: 0 };
      this.series.set(key, series);
    }
    let bucket = 0;
    while (bucket < RequestDurations.BUCKETS.length && seconds > RequestDurations.BUCKETS[bucket]!) bucket++;
    series.counts[bucket]!++;
    series.sum += seconds;
  }

  /** What the registry exposes: cumulative `_bucket` series with `le`, then `_sum` and `_count`, per label set. */
  async get() {
    const values: { metricName: string; labels: Record<string, string | number>; value: number }[] = [];
    for (const { labels, counts, sum } of this.series.values()) {
      let cumulative = 0;
      counts.forEach((count, i) => {
        cumulative += count;
        values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: RequestDurations.BUCKETS[i] ?? '+Inf' }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum }, { metricName: `${this.name}_count`, labels, value: cumulative });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
