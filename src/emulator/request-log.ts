/** Counts API requests by route pattern, e.g. 'GET /v1/payouts/:id', so tests and benchmarks can see what a gateway sent. */
export interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
}

/** How fast requests came, and how many were turned away with 429 (fault rules), since a mark. */
export interface RequestPace {
  /** The most requests that arrived within any one second. */
  peakPerSecond: number;
  rateLimited: number;
}

/** One logged request; the pipeline marks it when it answers 429. */
export interface LoggedRequest {
  readonly route: string;
  /** Arrival, `performance.now()` milliseconds. */
  readonly at: number;
  rateLimited: boolean;
}

export interface RequestLog {
  record(routeKey: string): LoggedRequest;
  /** A position in the log; pass it to `since` to count only what came after. */
  mark(): number;
  since(mark: number): RequestCounts;
  pace(mark: number): RequestPace;
  reset(): void;
}

const WINDOW_MS = 1000;

export function createRequestLog(now: () => number = () => performance.now()): RequestLog {
  let entries: LoggedRequest[] = [];
  return {
    record(routeKey) {
      const entry = { route: routeKey, at: now(), rateLimited: false };
      entries.push(entry);
      return entry;
    },
    mark: () => entries.length,
    since(mark) {
      const byRoute: Record<string, number> = {};
      const slice = entries.slice(Math.max(0, mark));
      for (const { route } of slice) byRoute[route] = (byRoute[route] ?? 0) + 1;
      return { total: slice.length, byRoute };
    },
    pace(mark) {
      const slice = entries.slice(Math.max(0, mark));
      let peakPerSecond = 0;
      // Entries are in arrival order: slide a one-second window over them.
      for (let first = 0, last = 0; last < slice.length; last++) {
        while (slice[last].at - slice[first].at >= WINDOW_MS) first++;
        peakPerSecond = Math.max(peakPerSecond, last - first + 1);
      }
      return { peakPerSecond, rateLimited: slice.filter((e) => e.rateLimited).length };
    },
    reset() {
      entries = [];
    },
  };
}
