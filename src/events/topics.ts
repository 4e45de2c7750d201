import type Stripe from 'stripe';
import type { ResourceTypes } from '../stripe/resources.js';

/** What travels on the pubsub: a Stripe event reduced to what subscribers need. */
export interface ObjectChange<T> {
  /** The Stripe event id (evt_...) or, for a gateway mutation, a synthetic 'gw_' id. */
  eventId: string;
  /** The Stripe event type, e.g. 'payout.paid'. */
  type: string;
  /** Unix seconds. */
  created: number;
  /** The object's snapshot at that time. */
  object: T;
  /**
   * The Connect account the object lives in (the Stripe event's `account`, or the account a
   * gateway mutation acted as); absent for the platform. Subscribers receive only their own account's changes.
   */
  account?: string;
}

/** The typed topic map: one topic per resource (all changes), and one per object id. */
export interface Topics {
  payout: [ObjectChange<Stripe.Payout>];
  refund: [ObjectChange<Stripe.Refund>];
  transfer: [ObjectChange<Stripe.Transfer>];
  outboundPayment: [ObjectChange<Stripe.Treasury.OutboundPayment>];
}

/** The topic of each topic's objects, by Stripe's `object` field. */
export const TOPIC_OF_OBJECT: { readonly [T in keyof Topics as ResourceTypes[T]['object']]: T } = {
  payout: 'payout',
  refund: 'refund',
  transfer: 'transfer',
  'treasury.outbound_payment': 'outboundPayment',
};

/** The topic a change travelled on, from its object; undefined for anything else. */
export function topicOfChange(change: unknown): keyof Topics | undefined {
  const object = (change as Partial<ObjectChange<{ object?: unknown }>> | null)?.object?.object;
  return typeof object === 'string' && Object.hasOwn(TOPIC_OF_OBJECT, object) ? TOPIC_OF_OBJECT[object as keyof typeof TOPIC_OF_OBJECT] : undefined;
}
