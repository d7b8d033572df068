import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestDurations } from './metrics.js';

/** The exposition's sample lines, each with its labels in name order (the format does not order them). */
function samples(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.replace(/\{([^}]*)\}/, (_all, labels: string) => `{${labels.split(',').sort().join(',')}}`))
    .sort();
}

describe('RequestDurations', () => {
  it("exposes what prom-client's Histogram exposes for the same observations", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const durations = new RequestDurations(ours);
    const histogram = new Histogram({
      name: durations.name,
      help: durations.help,
      labelNames: ['method', 'route', 'status'],
      buckets: [...RequestDurations.BUCKETS],
      registers: [theirs],
    });
    const observations: [string, string, number, number][] = [
      ['POST', '/v1/checks', 200, 0.0004],
      ['POST', '/v1/checks', 200, 0.001],
      ['POST', '/v1/checks', 200, 0.0011],
      ['POST', '/v1/checks', 400, 0.3],
      ['GET', '/v1/entities/:ref', 200, 2.5],
      ['GET', '/v1/entities/:ref', 200, 7],
      ['GET', 'unmatched', 404, 0],
    ];
    for (const [method, route, status, seconds] of observations) {
      durations.observe(method, route, status, seconds);
      histogram.labels(method, route, String(status)).observe(seconds);
    }
    ours.setDefaultLabels({ worker: '2' });
    theirs.setDefaultLabels({ worker: '2' });
    const text = await ours.metrics();
    expect(text).toContain('# TYPE credence_http_request_duration_seconds histogram');
    expect(samples(text)).toEqual(samples(await theirs.metrics()));
  });
});
