import { ACCOUNT_ID } from './accounts.js';
import type { EmulatorRequest, EmulatorResponse } from './dispatch.js';
import type { FaultRule } from './faults.js';
import type { RequestCounts, RequestPace } from './request-log.js';
import type { StripeObject } from './types.js';

/** The emulator operations the admin API exposes (the same ones are methods on the emulator object). */
export interface AdminTarget {
  reset(): Promise<void>;
  advance(seconds: number): Promise<void>;
  now(): number;
  pendingTimers(): number;
  seed(kind: 'demo'): Promise<void>;
  mark(): number;
  since(mark: number): RequestCounts;
  pace(mark: number): RequestPace;
  setFaults(rules: FaultRule[]): void;
  faultRules(): FaultRule[];
  counts(): Record<string, Record<string, number>>;
  webhooksIdle(): Promise<void>;
  automaticPayout(opts: { amount: number; currency?: string; account?: string | null }): Promise<StripeObject>;
  /** Makes a connected account exist: `id`, or a new random one. */
  createAccount(id?: string): string;
  accounts(): string[];
}

export const ADMIN_PREFIX = '/_emulator/';

/** A refused admin request: answered 400 with its message. */
export class AdminError extends Error {}

/**
 * `/_emulator/*`: JSON control routes for tests and the standalone emulator,
 * no API key needed, never counted in the request log.
 */
export async function handleAdmin(req: EmulatorRequest, target: AdminTarget): Promise<EmulatorResponse> {
  const route = `${req.method.toUpperCase()} ${req.url.pathname.replace(/\/$/, '')}`;
  try {
    const input = readJson(req.body);
    switch (route) {
      case 'POST /_emulator/reset':
        await target.reset();
        return json(200, { ok: true });
      case 'GET /_emulator/clock':
        return json(200, { now: target.now(), pending_timers: target.pendingTimers() });
      case 'POST /_emulator/clock/advance': {
        const seconds = Number(input.seconds);
        if (!Number.isFinite(seconds) || seconds < 0) throw new AdminError('seconds must be a non-negative number');
        await target.advance(seconds);
        return json(200, { now: target.now(), pending_timers: target.pendingTimers() });
      }
      case 'POST /_emulator/seed':
        if ((input.kind ?? 'demo') !== 'demo') throw new AdminError("kind must be 'demo'");
        await target.seed('demo');
        return json(200, { ok: true, counts: target.counts() });
      case 'POST /_emulator/requests/mark':
        return json(200, { mark: target.mark() });
      case 'GET /_emulator/requests': {
        const since = Number(req.url.searchParams.get('since') ?? 0);
        if (!Number.isInteger(since) || since < 0) throw new AdminError('since must be a mark (a non-negative integer)');
        return json(200, { ...target.since(since), ...target.pace(since), mark: target.mark() });
      }
      case 'GET /_emulator/faults':
        return json(200, { rules: target.faultRules() });
      case 'POST /_emulator/faults': {
        const rules = Array.isArray(input) ? input : Array.isArray(input.rules) ? input.rules : [input];
        target.setFaults(rules.map(toRule));
        return json(200, { rules: target.faultRules() });
      }
      case 'DELETE /_emulator/faults':
        target.setFaults([]);
        return json(200, { rules: [] });
      case 'GET /_emulator/store':
        return json(200, { accounts: target.counts() });
      case 'POST /_emulator/payouts/automatic': {
        const amount = Number(input.amount);
        if (!Number.isSafeInteger(amount) || amount < 1) throw new AdminError('amount must be a positive integer (minor units)');
        if (input.currency !== undefined && (typeof input.currency !== 'string' || !/^[a-z]{3}$/.test(input.currency))) {
          throw new AdminError('currency must be a lowercase ISO code such as usd');
        }
        if (input.account !== undefined && (typeof input.account !== 'string' || !ACCOUNT_ID.test(input.account))) {
          throw new AdminError('account must be an acct_ id');
        }
        const payout = await target.automaticPayout({ amount, currency: input.currency as string | undefined, account: (input.account as string | undefined) ?? null });
        return json(200, payout);
      }
      case 'GET /_emulator/accounts':
        return json(200, { accounts: target.accounts() });
      case 'POST /_emulator/accounts': {
        if (input.id !== undefined && (typeof input.id !== 'string' || !ACCOUNT_ID.test(input.id))) throw new AdminError('id must be an acct_ id');
        return json(200, { id: target.createAccount(input.id as string | undefined) });
      }
      case 'POST /_emulator/webhooks/idle':
        await target.webhooksIdle();
        return json(200, { ok: true });
      default:
        return json(404, { error: { message: `Unknown emulator admin route (${route}).` } });
    }
  } catch (err) {
    if (err instanceof AdminError) return json(400, { error: { message: err.message } });
    return json(500, { error: { message: err instanceof Error ? err.message : 'admin operation failed' } });
  }
}

function readJson(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AdminError('the body must be a JSON object');
}

function toRule(raw: unknown): FaultRule {
  if (!raw || typeof raw !== 'object') throw new AdminError('a fault rule must be an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.route !== 'string') throw new AdminError("a fault rule needs route: 'METHOD /v1/pattern' or '*'");
  const num = (name: string, max = Infinity) => {
    const v = r[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || v < 0 || v > max) throw new AdminError(`${name} must be a number between 0 and ${max}`);
    return v;
  };
  return {
    route: r.route,
    latencyMs: num('latencyMs'),
    rateLimit: num('rateLimit', 1),
    maxPerSecond: num('maxPerSecond'),
    retryAfter: num('retryAfter'),
    serverError: num('serverError', 1),
    dropAfterCommit: num('dropAfterCommit'),
  };
}

function json(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
