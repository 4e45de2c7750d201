import type { Server, ServerResponse } from 'node:http';

export interface HttpDrain {
  /** HTTP requests whose response has not finished. */
  inFlight(): number;
  /**
   * Stops accepting connections and lets in-flight requests finish: each ends its connection
   * (`Connection: close`), idle keep-alive connections are closed at once. Once `deadline` aborts,
   * every HTTP connection left is destroyed. Resolves when the server has closed (WebSocket
   * connections count until they close); true if no request had to be cut.
   */
  drain(deadline: AbortSignal): Promise<boolean>;
}

/** Tracks the requests of `server` so a drain can wait for them (Node keeps an idle keep-alive socket open for 5 s otherwise). */
export function trackHttpRequests(server: Server): HttpDrain {
  const active = new Set<ServerResponse>();
  let draining = false;

  // Before the server's own handler, so a request that arrives while draining is marked before it is answered.
  server.prependListener('request', (_req, res: ServerResponse) => {
    active.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      active.delete(res);
      // A response that went out with keep-alive (before the drain, or a stream) leaves an idle socket behind.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    inFlight: () => active.size,
    async drain(deadline) {
      draining = true;
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      server.closeIdleConnections();
      let cut = false;
      const onDeadline = () => {
        cut = active.size > 0;
        server.closeAllConnections();
      };
      if (deadline.aborted) onDeadline();
      else deadline.addEventListener('abort', onDeadline, { once: true });
      try {
        await closed;
      } finally {
        deadline.removeEventListener('abort', onDeadline);
      }
      return !cut;
    },
  };
}
