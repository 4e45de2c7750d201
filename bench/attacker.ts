/**
 * The attacker of the limits bench, in a process of its own so that its work never delays the
 * bench's timed client: on { url, document } it posts the document back to back, each copy made
 * unique by a trailing comment (so the gateway's parse and validation caches never answer), until
 * it receives 'stop'; then it reports how many it sent (and how many were not answered with the
 * expected status) and exits.
 */
import { createHttpClient } from './support.js';

/** `statuses`: the answers expected (400 for a refused document; 429 once the request rate is exceeded); `from`: the local address to send from. */
export type ToAttacker = { url: string; document: string; statuses: number[]; from?: string } | 'stop';
export type FromAttacker = { started: true } | { sent: number; unexpected: number; rateLimited: number };

let stopping = false;
process.on('message', (message: ToAttacker) => {
  if (message === 'stop') stopping = true;
  else void attack(message.url, message.document, message.statuses, message.from);
});
process.on('disconnect', () => process.exit(0));

async function attack(url: string, document: string, statuses: number[], from: string | undefined): Promise<void> {
  const client = createHttpClient(1, from);
  // The body as it goes on the wire, cut where the counter goes: one concatenation per request.
  const [head, tail] = JSON.stringify({ query: `${document}\n# \u0000` }).split('\\u0000');
  let sent = 0;
  let unexpected = 0;
  let rateLimited = 0;
  process.send?.({ started: true } satisfies FromAttacker);
  while (!stopping) {
    const res = await client.send(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: `${head}${sent++}${tail}` });
    if (!statuses.includes(res.status)) unexpected++;
    if (res.status === 429) rateLimited++;
  }
  client.close();
  process.send?.({ sent, unexpected, rateLimited } satisfies FromAttacker, () => process.exit(0));
}
