/**
 * When Stripe answered the request that returned `object`, in unix seconds: the `Date` header of
 * the response the SDK attaches as `lastResponse` (Stripe's clock, the one its events are dated
 * by; the emulator's clock in emulator mode). Undefined when the object came without one.
 *
 * The SDK's node:http client hands the headers as a record, its fetch client as the fetch
 * Response's Headers.
 */
export function responseDate(object: object): number | undefined {
  const headers = (object as { lastResponse?: { headers?: unknown } }).lastResponse?.headers;
  const value = headers instanceof Headers ? headers.get('date') : (headers as Record<string, string | undefined> | undefined)?.date;
  const ms = value ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}
