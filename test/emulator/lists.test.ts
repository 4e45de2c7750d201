import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { inProcessStripe, stored, stripeError } from './support.js';

describe('lists: pagination over 250 payouts', () => {
  let emulator: Emulator;
  let stripe: Stripe;

  beforeAll(async () => {
    emulator = createEmulator({ startTime: 1_700_000_000 });
    stripe = inProcessStripe(emulator);
    for (let i = 0; i < 250; i++) {
      const payout = await stripe.payouts.create({ amount: 100 + i, currency: 'usd' });
      if (i % 3 === 0) await stripe.payouts.cancel(payout.id);
      // Groups of payouts share a second, so ties must break on insertion order.
      if (i % 4 === 3) await emulator.advance(1);
    }
  });
  afterAll(() => emulator.close());

  /** Newest first: later created first, and on equal created the later insert first. */
  function reference(filter: (p: Stripe.Payout) => boolean): string[] {
    const all = stored(emulator, 'payout') as unknown as Stripe.Payout[];
    return all
      .map((p, i) => ({ p, i }))
      .sort((a, b) => b.p.created - a.p.created || b.i - a.i)
      .map(({ p }) => p)
      .filter(filter)
      .map((p) => p.id);
  }

  async function pageForward(params: Stripe.PayoutListParams): Promise<{ ids: string[]; pages: Stripe.ApiList<Stripe.Payout>[] }> {
    const pages: Stripe.ApiList<Stripe.Payout>[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await stripe.payouts.list({ ...params, ...(cursor ? { starting_after: cursor } : {}) });
      pages.push(page);
      if (!page.has_more) break;
      cursor = page.data[page.data.length - 1].id;
    }
    return { ids: pages.flatMap((p) => p.data.map((x) => x.id)), pages };
  }

  async function pageBackward(params: Stripe.PayoutListParams, from: string): Promise<{ ids: string[]; pages: Stripe.ApiList<Stripe.Payout>[] }> {
    const pages: Stripe.ApiList<Stripe.Payout>[] = [];
    let cursor = from;
    for (;;) {
      const page = await stripe.payouts.list({ ...params, ending_before: cursor });
      pages.unshift(page);
      if (!page.has_more) break;
      cursor = page.data[0].id;
    }
    return { ids: pages.flatMap((p) => p.data.map((x) => x.id)), pages };
  }

  it('pages forward over everything, newest first, with has_more on every page but the last', async () => {
    const { ids, pages } = await pageForward({ limit: 17 });
    expect(ids).toEqual(reference(() => true));
    expect(pages.map((p) => p.has_more)).toEqual([...Array(pages.length - 1).fill(true), false]);
    expect(pages.every((p) => p.data.length === 17 || p === pages[pages.length - 1])).toBe(true);
  });

  it('pages forward and backward with a status and created filter', async () => {
    const all = stored(emulator, 'payout') as unknown as Stripe.Payout[];
    const mid = all[120].created;
    const filter = { status: 'canceled', created: { gte: mid } } as const;
    const expected = reference((p) => p.status === 'canceled' && p.created >= mid);
    expect(expected.length).toBeGreaterThan(20);
    const forward = await pageForward({ ...filter, limit: 7 });
    expect(forward.ids).toEqual(expected);

    // From an id older than all of them, page back towards the newest.
    const oldest = reference(() => true).at(-1)!;
    const backward = await pageBackward({ ...filter, limit: 7 }, oldest);
    expect(backward.ids).toEqual(expected);
    expect(backward.pages[0].has_more).toBe(false);
    expect(backward.pages.slice(1).every((p) => p.has_more)).toBe(true);
  });

  it('SDK auto-pagination yields the same sequence', async () => {
    const ids: string[] = [];
    for await (const p of stripe.payouts.list({ limit: 100, status: 'pending' })) ids.push(p.id);
    expect(ids).toEqual(reference((p) => p.status === 'pending'));
  });

  it('validates limit and cursors', async () => {
    expect((await stripe.payouts.list()).data).toHaveLength(10);
    for (const limit of [0, 101]) expect((await stripeError(() => stripe.payouts.list({ limit }))).statusCode).toBe(400);
    const ids = reference(() => true);
    const both = await stripeError(() => stripe.payouts.list({ starting_after: ids[0], ending_before: ids[5] }));
    expect(both.statusCode).toBe(400);
    const unknown = await stripeError(() => stripe.payouts.list({ starting_after: 'po_missing' }));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'starting_after' });
  });
});

describe('expand', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  let original: Stripe.Payout;
  let reversal: Stripe.Payout;

  beforeAll(async () => {
    emulator = createEmulator({ startTime: 1_700_000_000 });
    stripe = inProcessStripe(emulator);
    original = await stripe.payouts.create({ amount: 1500, currency: 'usd' });
    await emulator.advance(7 * 3600);
    reversal = await stripe.payouts.reverse(original.id);
  });
  afterAll(() => emulator.close());

  it('replaces ids by objects on a single object, nested, and leaves null as null', async () => {
    const p = await stripe.payouts.retrieve(reversal.id, { expand: ['balance_transaction', 'destination', 'original_payout.balance_transaction', 'reversed_by'] });
    expect((p.balance_transaction as Stripe.BalanceTransaction).object).toBe('balance_transaction');
    expect(p.destination).toMatchObject({ object: 'bank_account', last4: '6789', country: 'US', currency: 'usd' });
    const orig = p.original_payout as Stripe.Payout;
    expect(orig.id).toBe(original.id);
    expect((orig.balance_transaction as Stripe.BalanceTransaction).amount).toBe(-1500);
    expect(p.reversed_by).toBeNull();
  });

  it('expands data.* paths in lists, nested, without changing stored objects', async () => {
    const before = emulator.snapshot();
    const list = await stripe.payouts.list({ expand: ['data.original_payout.balance_transaction', 'data.destination'] });
    const rev = list.data.find((p) => p.id === reversal.id)!;
    expect(((rev.original_payout as Stripe.Payout).balance_transaction as Stripe.BalanceTransaction).object).toBe('balance_transaction');
    expect(list.data.find((p) => p.id === original.id)!.original_payout).toBeNull();
    expect(emulator.snapshot()).toEqual(before);
    expect((await stripe.payouts.retrieve(reversal.id)).original_payout).toBe(original.id);
  });

  it('refuses non-expandable fields, non-data list paths and depth beyond 4', async () => {
    const notExpandable = await stripeError(() => stripe.payouts.retrieve(original.id, { expand: ['currency'] }));
    expect(notExpandable).toMatchObject({ statusCode: 400, message: 'This property cannot be expanded (currency).' });
    expect((await stripeError(() => stripe.payouts.list({ expand: ['destination'] }))).statusCode).toBe(400);
    const deep = await stripeError(() =>
      stripe.payouts.list({ expand: ['data.original_payout.balance_transaction.source.balance_transaction'] }),
    );
    expect(deep.statusCode).toBe(400);
    expect(deep.message).toMatch(/4 levels/);
    const four = await stripe.payouts.list({ expand: ['data.original_payout.balance_transaction.source'] });
    expect(four.data.length).toBeGreaterThan(0);
  });
});
