/** Counts API requests by route pattern, e.g. 'GET /v1/payouts/:id', so tests and benchmarks can see what a gateway sent. */
export interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
}

export interface RequestLog {
  record(routeKey: string): void;
  /** A position in the log; pass it to `since` to count only what came after. */
  mark(): number;
  since(mark: number): RequestCounts;
  reset(): void;
}

export function createRequestLog(): RequestLog {
  let entries: string[] = [];
  return {
    record: (routeKey) => void entries.push(routeKey),
    mark: () => entries.length,
    since(mark) {
      const byRoute: Record<string, number> = {};
      const slice = entries.slice(Math.max(0, mark));
      for (const key of slice) byRoute[key] = (byRoute[key] ?? 0) + 1;
      return { total: slice.length, byRoute };
    },
    reset() {
      entries = [];
    },
  };
}
