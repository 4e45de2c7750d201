import { afterAll, beforeAll, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, postWebhook, stripeEvent, wsClient, wsSubscribe, type WsSubscription } from './clients.js';

const SECRET = 'whsec_resources_test_secret';
let h: Harness;
let stripe: Stripe;
let client: Client;
let time = 0;
/** Event times after anything the emulator has emitted (its demo seed runs ahead of the wall clock). */
const eventTime = () => (time = Math.max(time, h.emulator.clock.now()) + 10);

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { STRIPE_WEBHOOK_SECRET: SECRET } });
  stripe = emulatorStripe(h.emulator);
  client = wsClient(h.url);
});

afterAll(async () => {
  await client?.dispose();
  await h?.close();
});

async function held(sub: WsSubscription): Promise<WsSubscription> {
  for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === 0 && !sub.inbox.completed; i++) await new Promise((r) => setTimeout(r, 20));
  return sub;
}

async function settledToZero(): Promise<void> {
  for (let i = 0; i < 100 && h.gateway.live.stats().subscribers > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

it('transferUpdated delivers a transfer.reversed event with the transfer’s reversals', async () => {
  const [transfer] = (await stripe.transfers.list({ limit: 1 })).data;
  const sub = await held(wsSubscribe(client, `subscription($id: ID!) { transferUpdated(id: $id) { type transfer { id amountReversed } } }`, { id: transfer.id }));
  const event = stripeEvent('transfer.reversed', { ...transfer, amount_reversed: 1 }, eventTime());
  expect((await postWebhook(h.url, JSON.stringify(event), { secret: SECRET })).status).toBe(200);
  const [r] = await sub.inbox.waitFor(1);
  expect(r.data).toEqual({ transferUpdated: { type: 'transfer.reversed', transfer: { id: transfer.id, amountReversed: 1 } } });
  sub.unsubscribe();
  await settledToZero();
});

it("reads an event's own object back from its snapshot: a reversal's transfer is the transfer as of the event, with no call", async () => {
  const [transfer] = (await stripe.transfers.list({ limit: 1 })).data;
  await stripe.transfers.createReversal(transfer.id, { amount: 1 });
  await h.emulator.webhooks.idle();
  const current = await stripe.transfers.retrieve(transfer.id);
  const query = `subscription($id: ID!) { transferUpdated(id: $id) { transfer { id reversals(first: 1) { edges { node { amount transfer { id description } } } } } } }`;
  const sub = await held(wsSubscribe(client, query, { id: transfer.id }));
  // The event's snapshot (a description Stripe never held) embeds the reversal, whose `transfer` is only an id.
  const event = stripeEvent('transfer.reversed', { ...current, description: 'as of this event' }, eventTime());
  const { result, calls } = await h.upstreamCalls(async () => {
    expect((await postWebhook(h.url, JSON.stringify(event), { secret: SECRET })).status).toBe(200);
    return (await sub.inbox.waitFor(1))[0];
  });
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    transferUpdated: { transfer: { id: transfer.id, reversals: { edges: [{ node: { amount: 1, transfer: { id: transfer.id, description: 'as of this event' } } }] } } },
  });
  expect(calls.byRoute).toEqual({});
  sub.unsubscribe();
  await settledToZero();
});

it('refundEvents takes refund.* and charge.refund.updated, filtered by status', async () => {
  const [refund] = (await stripe.refunds.list({ limit: 1 })).data;
  const sub = await held(wsSubscribe(client, `subscription { refundEvents(status: [FAILED]) { eventId type refund { id status } } }`));
  const skipped = stripeEvent('refund.updated', { ...refund, status: 'succeeded' }, eventTime());
  const wanted = stripeEvent('charge.refund.updated', { ...refund, status: 'failed' }, eventTime());
  for (const e of [skipped, wanted]) await postWebhook(h.url, JSON.stringify(e), { secret: SECRET });
  const [r] = await sub.inbox.waitFor(1);
  expect(r.data).toEqual({ refundEvents: { eventId: wanted.id, type: 'charge.refund.updated', refund: { id: refund.id, status: 'FAILED' } } });
  sub.unsubscribe();
  await settledToZero();
});

it('outboundPaymentEvents keeps to its financial account, and checks the account exists', async () => {
  const accounts = (await stripe.treasury.financialAccounts.list({ limit: 10 })).data;
  const [payment] = (await stripe.treasury.outboundPayments.list({ financial_account: accounts[0].id, limit: 1 })).data;
  const query = `subscription($fa: ID!) { outboundPaymentEvents(financialAccount: $fa) { eventId outboundPayment { id status } } }`;

  const unknown = wsSubscribe(client, query, { fa: 'fa_doesnotexist' });
  expect((await unknown.inbox.waitFor(2))[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const wrong = wsSubscribe(client, query, { fa: payment.id });
  expect((await wrong.inbox.waitFor(2))[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

  const sub = await held(wsSubscribe(client, query, { fa: accounts[0].id }));
  const elsewhere = stripeEvent('treasury.outbound_payment.posted', { ...payment, financial_account: 'fa_someoneelse' }, eventTime());
  const here = stripeEvent('treasury.outbound_payment.posted', { ...payment, status: 'posted' }, eventTime());
  for (const e of [elsewhere, here]) await postWebhook(h.url, JSON.stringify(e), { secret: SECRET });
  const [r] = await sub.inbox.waitFor(1);
  expect(r.data).toEqual({ outboundPaymentEvents: { eventId: here.id, outboundPayment: { id: payment.id, status: 'POSTED' } } });
  sub.unsubscribe();
});
