import { createHash } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';

/** One payload of a streamed answer and when it arrived (ms since the request was sent). */
export interface Part {
  at: number;
  payload: {
    data?: Record<string, unknown> | null;
    errors?: GraphQLFormattedError[];
    incremental?: { data?: Record<string, unknown>; items?: unknown[]; path: (string | number)[]; errors?: GraphQLFormattedError[] }[];
    hasNext?: boolean;
    extensions?: Record<string, unknown>;
  };
}

/**
 * POSTs `body` to the gateway asking for `accept` (multipart/mixed or text/event-stream) and reads
 * the answer as it streams in, as a client does: each part parsed when its bytes arrive.
 */
export async function streamed(url: string, body: unknown, accept: 'multipart/mixed' | 'text/event-stream'): Promise<{ status: number; contentType: string; parts: Part[] }> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
  const contentType = res.headers.get('content-type') ?? '';
  const parts: Part[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  // multipart/mixed: parts between `--<boundary>` lines, each headers, a blank line, then JSON.
  // SSE: events separated by a blank line; `data:` holds the JSON, `event: complete` ends it.
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  const take = (): void => {
    for (;;) {
      if (boundary) {
        const delimiter = `\r\n--${boundary}`;
        const start = buffer.indexOf(delimiter);
        const end = start < 0 ? -1 : buffer.indexOf(delimiter, start + delimiter.length);
        if (end < 0) return;
        const part = buffer.slice(start + delimiter.length, end);
        buffer = buffer.slice(end);
        const json = part.slice(part.indexOf('\r\n\r\n') + 4);
        if (json.trim()) parts.push({ at: performance.now() - started, payload: JSON.parse(json) as Part['payload'] });
      } else {
        const end = buffer.indexOf('\n\n');
        if (end < 0) return;
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.+)$/m.exec(message)?.[1];
        if (/^event: next$/m.test(message) && data) parts.push({ at: performance.now() - started, payload: JSON.parse(data) as Part['payload'] });
      }
    }
  };
  if (!res.body) return { status: res.status, contentType, parts };
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    take();
  }
  return { status: res.status, contentType, parts };
}

/** A document's GraphQL-over-HTTP id: `sha256:` and the hex SHA-256 of its exact text. */
export function documentIdOf(document: string): string {
  return `sha256:${createHash('sha256').update(document, 'utf8').digest('hex')}`;
}
