import type Stripe from 'stripe';

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
