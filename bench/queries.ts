/**
 * Upstream calls per query shape: the emulator (demo data) counts every request
 * the gateway sends while answering one query over loopback. For each shape:
 * - actual: what the emulator's request log saw;
 * - minimum: the fewest calls Stripe's API allows for that data (reasoned per shape below);
 * - naive: a resolver-per-field gateway without loaders or expand — one call per
 *   root object or list, plus one per nested object occurrence in the response.
 */
import Stripe from 'stripe';
import { createHarness, type Harness } from '../test/harness.js';
import { createStripeClient } from '../src/stripe/client.js';
import { table, verdict } from './support.js';

type Json = unknown;

export interface ShapeResult {
  name: string;
  actual: number;
  minimum: number;
  naive: number;
  byRoute: Record<string, number>;
  why: string;
  errors: string[];
  pass: boolean;
}

export interface Shape {
  name: string;
  query: string;
  /** The fewest calls possible for the data in `data`, and why. */
  minimum(data: Json): number;
  why: string;
  /** Calls a gateway without loaders or expand would make for the same response. */
  naive(data: Json): number;
}

/**
 * The values at a dotted path, arrays flattened at every step
 * ('payouts.edges.node.balanceTransaction' → every payout's balance transaction).
 */
function valuesAt(data: Json, path: string): Json[] {
  let current: Json[] = [data];
  for (const key of path.split('.')) {
    const next: Json[] = [];
    for (const value of current) {
      if (value == null || typeof value !== 'object') continue;
      const child = (value as Record<string, Json>)[key];
      if (Array.isArray(child)) next.push(...child);
      else if (child != null) next.push(child);
    }
    current = next;
  }
  return current;
}

/** How many non-null objects the response holds at each path (each would be one call for a naive gateway). */
const countAt = (data: Json, ...paths: string[]): number => paths.reduce((n, p) => n + valuesAt(data, p).length, 0);

const distinct = (data: Json, path: string): number => new Set(valuesAt(data, path).map(String)).size;

/** The ids each shape needs, read from the seeded emulator before counting starts. */
export interface Fixtures {
  payoutId: string;
  payoutCursor: string;
  transferId: string;
  financialAccountId: string;
  /** 50 ids of payouts, refunds and transfers, with duplicates. */
  nodeIds: string[];
}

/**
 * Prepares data the demo seed lacks for these shapes: a few payout reversals (so
 * `originalPayout` is non-null on the newest payouts), then picks ids. Not counted.
 */
export async function prepareFixtures(stripe: Stripe): Promise<Fixtures> {
  const paid = await stripe.payouts.list({ status: 'paid', limit: 20 });
  let reversed = 0;
  for (const payout of paid.data) {
    if (reversed === 4) break;
    try {
      await stripe.payouts.reverse(payout.id);
      reversed++;
    } catch {
      // Not reversible (e.g. a card payout): try the next one.
    }
  }
  const payouts = await stripe.payouts.list({ limit: 40 });
  const refunds = await stripe.refunds.list({ limit: 20 });
  const transfers = await stripe.transfers.list({ limit: 100 });
  const financialAccounts = await stripe.treasury.financialAccounts.list({ limit: 3 });
  const reversedMost = [...transfers.data].sort((a, b) => b.reversals.data.length - a.reversals.data.length)[0];

  // 25 distinct ids, 50 entries: each of the first 25 again, in another order.
  const distinctIds = [...payouts.data.slice(20, 35).map((p) => p.id), ...refunds.data.slice(0, 6).map((r) => r.id), ...transfers.data.slice(0, 4).map((t) => t.id)];
  const nodeIds = [...distinctIds, ...[...distinctIds].reverse()];

  return {
    payoutId: payouts.data.find((p) => p.balance_transaction)!.id,
    payoutCursor: Buffer.from(payouts.data[30].id, 'utf8').toString('base64url'),
    transferId: reversedMost.id,
    financialAccountId: financialAccounts.data[0].id,
    nodeIds,
  };
}

export function shapes(f: Fixtures): Shape[] {
  const nodeSelection = `id
      ... on Payout { amount balanceTransaction { fee } }
      ... on Refund { amount charge { id amount } }
      ... on Transfer { amount balanceTransaction { net } }`;
  const nodeNested = ['balanceTransaction', 'charge'];
  return [
    {
      name: 'payout + balanceTransaction',
      query: `{ payout(id: "${f.payoutId}") { id amount status balanceTransaction { id fee net } } }`,
      // retrieve with expand[]=balance_transaction.
      minimum: () => 1,
      why: 'one retrieve, balance_transaction expanded',
      naive: (d) => 1 + countAt(d, 'payout.balanceTransaction'),
    },
    {
      name: 'payouts page 100, 2 levels',
      query: `{ payouts(first: 100) { edges { node { id amount
        balanceTransaction { fee }
        originalPayout { id balanceTransaction { net } } } } } }`,
      // list with expand[]=data.balance_transaction, data.original_payout.balance_transaction (depth 3 ≤ Stripe's 4).
      minimum: () => 1,
      why: 'one list, nested objects expanded (depth 3 ≤ 4)',
      naive: (d) =>
        1 +
        countAt(d, 'payouts.edges.node.balanceTransaction', 'payouts.edges.node.originalPayout', 'payouts.edges.node.originalPayout.balanceTransaction'),
    },
    {
      name: 'nodes(ids:) 50 ids, 25 distinct',
      query: `{ nodes(ids: ${JSON.stringify(f.nodeIds)}) { ${nodeSelection} } }`,
      // Stripe has no batch get: one retrieve per distinct id, each expanding its own nested object.
      minimum: (d) => distinct(d, 'nodes.id'),
      why: 'one retrieve per distinct id (no batch get), nested expanded',
      naive: (d) => f.nodeIds.length + nodeNested.reduce((n, field) => n + countAt(d, `nodes.${field}`), 0),
    },
    {
      name: 'aliased node(id:) ×50, 25 distinct',
      query: `{ ${f.nodeIds.map((id, i) => `n${i}: node(id: "${id}") { ${nodeSelection} }`).join('\n')} }`,
      // Same data as nodes(ids:): aliases must share one loader per request.
      minimum: (d) => new Set(Object.values(d as Record<string, { id: string } | null>).map((n) => n?.id)).size,
      why: 'as nodes(ids:): aliases dedupe through the loaders',
      naive: (d) =>
        f.nodeIds.length + Object.values(d as Record<string, Json>).reduce<number>((n, node) => n + countAt(node, ...nodeNested), 0),
    },
    {
      name: 'payouts backward page (last/before)',
      query: `{ payouts(last: 20, before: "${f.payoutCursor}") { edges { cursor node { id amount balanceTransaction { fee net } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      // list with ending_before + expand[]=data.balance_transaction.
      minimum: () => 1,
      why: 'one list (ending_before), nested expanded',
      naive: (d) => 1 + countAt(d, 'payouts.edges.node.balanceTransaction'),
    },
    {
      name: 'refunds 50 + charge + charge.balanceTransaction',
      query: `{ refunds(first: 50) { edges { node { id amount status
        charge { id amount balanceTransaction { fee } } } } } }`,
      // list with expand[]=data.charge.balance_transaction.
      minimum: () => 1,
      why: 'one list, data.charge.balance_transaction expanded',
      naive: (d) => 1 + countAt(d, 'refunds.edges.node.charge', 'refunds.edges.node.charge.balanceTransaction'),
    },
    {
      name: 'outbound payments 30 + financialAccount + transaction',
      query: `{ outboundPayments(financialAccount: "${f.financialAccountId}", first: 30) { edges { node { id amount status
        financialAccount { id nickname }
        transaction { id amount } } } } }`,
      // financial_account is not expandable on an outbound payment: 1 list (transaction expanded) + 1 retrieve per distinct account.
      minimum: (d) => 1 + distinct(d, 'outboundPayments.edges.node.financialAccount.id'),
      why: 'one list (transaction expanded) + distinct financial accounts (not expandable)',
      naive: (d) => 1 + countAt(d, 'outboundPayments.edges.node.financialAccount', 'outboundPayments.edges.node.transaction'),
    },
    {
      name: 'transfer + reversals + balanceTransaction',
      query: `{ transfer(id: "${f.transferId}") { id amount balanceTransaction { net }
        reversals(first: 10) { edges { node { id amount balanceTransaction { net } } } } } }`,
      // retrieve with expand[]=balance_transaction, reversals.data.balance_transaction: the first 10 reversals are embedded in the transfer.
      minimum: () => 1,
      why: 'one retrieve; reversals embedded, their balance transactions expanded',
      naive: (d) => 1 + countAt(d, 'transfer.balanceTransaction', 'transfer.reversals.edges.node.balanceTransaction'),
    },
    {
      name: 'dashboard (5 root fields)',
      query: `{
        payouts(first: 10) { edges { node { id amount status balanceTransaction { fee } } } }
        refunds(first: 10) { edges { node { id amount charge { id amount } } } }
        transfers(first: 5) { edges { node { id amount reversals(first: 3) { edges { node { id amount } } } } } }
        financialAccount(id: "${f.financialAccountId}") { id nickname }
        outboundPayments(financialAccount: "${f.financialAccountId}", first: 10) { edges { node { id amount
          transaction { id status } financialAccount { id nickname } } } }
      }`,
      // One call per root field; nested objects expanded; the outbound payments' account is the root financialAccount (loader cache).
      minimum: () => 5,
      why: 'one call per root field; nested expanded; the account is shared with the root field',
      naive: (d) =>
        5 +
        countAt(
          d,
          'payouts.edges.node.balanceTransaction',
          'refunds.edges.node.charge',
          'outboundPayments.edges.node.transaction',
          'outboundPayments.edges.node.financialAccount',
        ),
    },
  ];
}

async function measure(h: Harness, shape: Shape): Promise<ShapeResult> {
  const { result, calls } = await h.upstreamCalls(() => h.gql(shape.query));
  const errors = (result.errors ?? []).map((e) => e.message);
  const data = result.data ?? null;
  if (data === null) throw new Error(`${shape.name}: ${JSON.stringify(result.errors)}`);
  const minimum = shape.minimum(data);
  return {
    name: shape.name,
    actual: calls.total,
    minimum,
    naive: shape.naive(data),
    byRoute: calls.byRoute,
    why: shape.why,
    errors,
    pass: errors.length === 0 && data !== null && calls.total === minimum,
  };
}

/** Seeds an emulator, points a gateway at it over loopback, and counts each shape's upstream calls. */
export async function runQueryShapes(): Promise<ShapeResult[]> {
  const h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { LOG_LEVEL: 'warn' } });
  try {
    const fixtures = await prepareFixtures(createStripeClient(h.config));
    const results: ShapeResult[] = [];
    for (const shape of shapes(fixtures)) results.push(await measure(h, shape));
    return results;
  } finally {
    await h.close();
  }
}

export function queryShapeRows(results: readonly ShapeResult[]): string[][] {
  return [
    ['query shape', 'actual', 'minimum', 'naive', 'result'],
    ...results.map((r) => [r.name, String(r.actual), String(r.minimum), String(r.naive), r.errors.length ? 'ERROR' : verdict(r.pass)]),
  ];
}

export function printQueryShapes(results: readonly ShapeResult[]): void {
  console.log('\nUpstream calls per query (emulator request log, gateway over loopback)\n');
  console.log(table(queryShapeRows(results)));
  for (const r of results) {
    if (r.errors.length) console.log(`  ${r.name}: errors: ${r.errors.slice(0, 3).join(' | ')}`);
    if (!r.pass) console.log(`  ${r.name}: calls by route ${JSON.stringify(r.byRoute)} (minimum: ${r.why})`);
  }
}
