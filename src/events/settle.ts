import type Stripe from 'stripe';
import type { Logger } from 'pino';
import type { Loaders } from '../stripe/loaders.js';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';
import type { OwnChanges } from './ingest.js';
import type { Topics } from './topics.js';
import { responseDate } from '../stripe/response-date.js';

/** What settling a change needs of the request that made it (a resolver's context has all of it). */
export interface ChangeMaker {
  readonly loaders: Pick<Loaders, 'prime'>;
  readonly changes: OwnChanges;
  /** Its `stripeAccount` is the Connect account the change was made as (absent: the platform). */
  readonly requestOptions: Pick<Stripe.RequestOptions, 'stripeAccount'>;
  readonly log: Logger;
  readonly requestId: string;
}

/**
 * After a successful write: caches the fresh object for the rest of the request (nested
 * selections read the new state) and tells subscribers, with the Stripe event type the change
 * corresponds to. Stripe's own event for the same change is then recognised as a duplicate (and
 * vice versa, see ingest.ts). The change is dated by Stripe's answer (its `Date`), so it sorts
 * with Stripe's own events by `occurredAt` whatever the gateway's clock says. Not awaited: the
 * write has happened, and a pubsub failure must not turn it into an error.
 */
export function settle<K extends keyof Topics & ResourceKind>(by: ChangeMaker, kind: K, eventType: string, object: ResourceTypes[K]): void {
  by.loaders.prime(kind, object);
  const occurredAt = responseDate(object) ?? Math.floor(Date.now() / 1000);
  by.changes.publish(kind, eventType, object, by.requestOptions.stripeAccount, occurredAt).catch((err: unknown) => {
    by.log.error({ err, kind, id: object.id, requestId: by.requestId }, 'mutation change not published to subscribers');
  });
}
