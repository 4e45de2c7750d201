import { expect } from 'vitest';

/** One sample of Prometheus' text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses a /metrics body (comments skipped). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[name] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

export interface Scrape {
  readonly samples: Sample[];
  /** The sample of `name` whose labels include `labels`, summed over the ones that match; 0 when none. */
  value(name: string, labels?: Record<string, string>): number;
  /** Every value a label takes in `name`'s samples. */
  labelValues(name: string, label: string): Set<string>;
}

/** GET `url` as Prometheus does and reads the samples. */
export async function scrape(fetchMetrics: () => Promise<Response>): Promise<Scrape> {
  const res = await fetchMetrics();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = parseMetrics(await res.text());
  const matching = (name: string, labels: Record<string, string>) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    samples,
    value: (name, labels = {}) => matching(name, labels).reduce((sum, s) => sum + s.value, 0),
    labelValues: (name, label) => new Set(samples.filter((s) => s.name === name && label in s.labels).map((s) => s.labels[label])),
  };
}
