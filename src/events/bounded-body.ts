/**
 * A request body as UTF-8 text, read only up to `limit` bytes: once more has
 * arrived, reading stops (the stream is cancelled) and the answer is null, so a
 * huge or endless chunked body never sits in memory.
 */
export async function readTextWithin(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      // Not awaited: a sender that keeps writing must not hold up the answer.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** True when the request declares a Content-Length above `limit`: it can be refused without reading a byte. */
export function declaresMoreThan(request: Request, limit: number): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) && Number(declared) > limit;
}
