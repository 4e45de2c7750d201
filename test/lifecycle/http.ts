import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with node:http (keep-alive through `agent`), so a test sees `Connection` and the socket itself. */
export function request(url: string, opts: { method?: string; body?: string; agent?: http.Agent } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? (opts.body ? 'POST' : 'GET'),
        agent: opts.agent,
        headers: opts.body ? { 'content-type': 'application/json', accept: 'application/json' } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POSTs a GraphQL query. */
export function query(gatewayUrl: string, text: string, agent?: http.Agent): Promise<HttpAnswer> {
  return request(`${gatewayUrl}/graphql`, { body: JSON.stringify({ query: text }), agent });
}

/** Resolves once `condition` holds; fails after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A page of `n` payouts: distinct documents, so concurrent ones are distinct upstream calls (identical reads are coalesced). */
export const pageOf = (n: number) => `{ payouts(first: ${n}) { edges { node { id amount } } } }`;
