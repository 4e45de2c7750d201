/**
 * Contracts shared by the emulator's framework (router, store, events, admin)
 * and its resource modules (src/emulator/resources/*). Resource modules only
 * depend on this file, so they can be written and tested apart from the HTTP layer.
 */
import type Stripe from 'stripe';

/** A stored Stripe object: always has id and object; the rest is the Stripe shape. */
export interface StripeObject {
  id: string;
  object: string;
  created?: number;
  [key: string]: unknown;
}

/** Stripe's list envelope (build it with `paginate` from list.ts). */
export interface ListObject<T extends StripeObject = StripeObject> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

/** What a route answers: one object or a list. */
export type ApiBody = StripeObject | ListObject;

/** Decoded form / query parameters (qs-parsed bracket notation; arrays from both `a[]=` and `a[0]=`). */
export type Params = Record<string, unknown>;

/** Stripe's error envelope body, `{ error: StripeErrorBody }`. */
export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
}

/** Thrown by handlers; the router turns it into Stripe's error envelope with `status`. */
export class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

/** The emulator's controllable clock, in unix seconds. */
export interface Clock {
  now(): number;
  /** Moves time on and runs every timer (payouts arriving, outbound payments settling) that falls due. */
  advance(seconds: number): Promise<void>;
}

/**
 * One account's objects. Every object lives in exactly one account scope
 * (the platform, or a connected `acct_` given by the Stripe-Account header).
 */
export interface AccountStore {
  readonly account: string | null;
  get<T extends StripeObject = StripeObject>(id: string): T | undefined;
  /** Inserts or replaces a copy of `obj` and returns `obj`; keeps insertion order for tie-breaking lists on equal `created`. */
  put<T extends StripeObject>(obj: T): T;
  /** Objects of one `object` type (e.g. 'payout', 'treasury.outbound_payment'), newest first. */
  all<T extends StripeObject = StripeObject>(objectType: string): T[];
  delete(id: string): boolean;
  /** Insertion sequence of a stored object (list cursors compare by created, then this); undefined if absent. */
  position(id: string): number | undefined;
  /** Available / pending balance per currency, moved by balance transactions. */
  balance: Record<string, { available: number; pending: number }>;
}

/** What a route handler gets. */
export interface HandlerContext {
  params: Params;
  /** Path parameters, e.g. { id: 'po_123' } for /v1/payouts/:id. */
  path: Record<string, string>;
  store: AccountStore;
  clock: Clock;
  /** Stripe-prefixed random id, e.g. newId('po') → 'po_1Q...'. */
  newId(prefix: string): string;
  /**
   * Records an Event (and queues webhook delivery). `previous` is the
   * previous_attributes for *.updated events.
   */
  emit(type: string, object: StripeObject, previous?: Record<string, unknown>): void;
  /** Schedules `fn` at emulator time `at` (unix seconds); used for state machines that move by themselves. */
  schedule(at: number, fn: () => void): void;
  /** Emulator-wide options (e.g. the share of payouts that fail). */
  options: Required<Pick<EmulatorOptions, 'payoutFailureRate'>>;
  /** Whether `id` is a connected account this emulator knows (transfer destinations must be). */
  knowsAccount(id: string): boolean;
  /** The request's id (req_…); null when running from a clock timer. */
  readonly requestId: string | null;
  /**
   * The same request scoped to another account (null = the platform), sharing its
   * transaction and events: for Connect side effects such as a transfer's
   * destination payment on the connected account.
   */
  forAccount(account: string | null): HandlerContext;
}

/** A resource module's route: the router matches method + pattern (":name" segments), the handler returns the object or list body. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** e.g. '/v1/payouts/:id/cancel' */
  path: string;
  /**
   * Parameters this route accepts besides `expand` (top-level names only);
   * anything else is refused with parameter_unknown before the handler runs.
   */
  accepts: readonly string[];
  handler(ctx: HandlerContext): ApiBody | Promise<ApiBody>;
}

/** What an expand lookup may reach, seen from the account the owning object lives in. */
export interface ExpandScope {
  /** The account the owning object lives in. */
  store: AccountStore;
  /** A connected account's objects; only reachable from the platform (null from a connected account). */
  connected(account: string): AccountStore | null;
}

/**
 * Which account holds the object an expandable field's id points at: `true` =
 * the owner's own account; a function picks another one from the owning
 * object (Connect side effects live in the destination account), or undefined
 * to leave the id as it is.
 */
export type ExpandTarget = true | ((owner: StripeObject, scope: ExpandScope) => AccountStore | null | undefined);

/**
 * Tells the expander what can be expanded: for each `object` type, path → where
 * the referenced object lives. A path names a field of the object itself
 * ('transaction') or one inside its plain hashes ('returned_details.transaction').
 * Paths not listed are not expandable (Stripe answers 400).
 */
export type ExpandableMap = Record<string, Record<string, ExpandTarget>>;

export interface EmulatorOptions {
  /** Seed demo data at start ('demo') or start empty ('none', default). */
  seed?: 'demo' | 'none';
  /** Start time of the clock (unix seconds); defaults to the real time at creation. */
  startTime?: number;
  /** If set, the clock also ticks in real time at this speed (1 = real time, 60 = a minute per second). */
  realtimeSpeed?: number;
  /** Share (0..1) of payouts that fail instead of being paid. Default 0. */
  payoutFailureRate?: number;
  /** Webhook delivery retries after the first attempt. Default 3. */
  webhookRetries?: number;
  /** Real-time delay before the first webhook retry, doubled for each further one. Default 200 ms. */
  webhookRetryDelayMs?: number;
  /** fetch used to deliver webhooks (default: global fetch); e.g. a gateway's in-process handler. */
  webhookFetch?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Connected accounts (`acct_…`) that exist from the start and survive a reset, besides the demo
   * seed's and those added with `createAccount` / `POST /_emulator/accounts`. A `Stripe-Account`
   * header or transfer destination naming any other account is refused, as on Stripe.
   */
  accounts?: string[];
}

/**
 * What the demo seeder gets: an official SDK client bound in-process to this
 * emulator (platform account, no retries; pass `{ stripeAccount }` per call for
 * Connect), and the emulator's clock to move objects through their states.
 * Seed requests are not counted in the request log and never hit injected faults.
 */
export interface SeedApi {
  stripe: Stripe;
  clock: Clock;
  /** Makes a connected account exist (Stripe-Account headers and transfer destinations may then name it). */
  createAccount(id: string): void;
}

/** Signature of `seedDemo` exported by src/emulator/seed.ts. */
export type SeedDemo = (api: SeedApi) => Promise<void>;
