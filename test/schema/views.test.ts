import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { isObjectType, type GraphQLFieldResolver } from 'graphql';
import { schema } from '../../src/schema/index.js';
import { EMULATOR_SECRET_KEY } from '../../src/config.js';
import { createHarness, type Harness } from '../harness.js';

/**
 * Stripe objects enter execution as views (src/schema/plugins/views.ts): plain fields are read
 * as properties, so a compiled query calls resolvers only where there is work to do.
 */
describe('views of Stripe objects', () => {
  let h: Harness;
  let stripe: Stripe;
  /** Resolver calls by 'Type.field'. */
  const calls = new Map<string, number>();
  /** The schema module is shared with the worker's other test files (vitest.config.ts: isolate false): put its resolvers back. */
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
        if (!resolve) continue;
        const key = `${type.name}.${field.name}`;
        restore.push(() => (field.resolve = resolve));
        field.resolve = (...args) => {
          calls.set(key, (calls.get(key) ?? 0) + 1);
          return resolve(...args);
        };
      }
    }
    h = await createHarness({ transport: 'in-process', emulator: { seed: 'demo' } });
    stripe = new Stripe(EMULATOR_SECRET_KEY, { httpClient: Stripe.createFetchHttpClient(h.emulator.fetch), maxNetworkRetries: 0 });
  });
  afterAll(async () => {
    for (const undo of restore) undo();
    await h?.close();
  });

  it('reads a page of payouts with their balance transactions with one resolver call per object, not one per field', async () => {
    calls.clear();
    const res = await h.gql<{ payouts: { edges: { node: Record<string, unknown> }[] } }>(`{ payouts(first: 20) { edges { node {
      id amount applicationFeeAmount applicationFeeId arrivalDate automatic balanceTransactionId created currency description
      destinationId failureBalanceTransactionId failureCode failureCodeRaw failureMessage livemode metadata method methodRaw
      originalPayoutId payoutMethod reconciliationStatus reconciliationStatusRaw reversedById sourceType sourceTypeRaw
      statementDescriptor status statusRaw traceId { status statusRaw value } type typeRaw
      balanceTransaction { id amount availableOn balanceType balanceTypeRaw created currency description exchangeRate fee
        feeDetails { amount application currency description type } net reportingCategory sourceId status statusRaw type typeRaw }
    } } } }`);
    expect(res.errors).toBeUndefined();
    const edges = res.data!.payouts.edges.length;
    expect(edges).toBe(20);
    // The page, its edges, and per payout: the edge's node and the (expanded) balance transaction.
    expect(Object.fromEntries(calls)).toEqual({
      'Query.payouts': 1,
      'PayoutConnection.edges': 1,
      'PayoutEdge.node': edges,
      'Payout.balanceTransaction': edges,
    });
  });

  it('hold what Stripe sent under the schema’s names, for objects reached by node, nodes and a union', async () => {
    const [listed] = (await stripe.payouts.list({ limit: 1 })).data;
    const payout = await stripe.payouts.retrieve(listed.id, { expand: ['destination'] });
    const destination = payout.destination as Stripe.BankAccount;
    const res = await h.gql<{ node: Record<string, unknown>; nodes: Record<string, unknown>[] }>(
      `query ($id: ID!, $txn: ID!) {
        node(id: $id) { id ... on Payout { arrivalDate balanceTransactionId reconciliationStatus reconciliationStatusRaw sourceType
          traceId { status statusRaw } destination { __typename ... on BankAccount { id bankName last4 routingNumber } } } }
        nodes(ids: [$txn, $id]) { id __typename ... on BalanceTransaction { availableOn reportingCategory balanceType } }
      }`,
      { id: payout.id, txn: payout.balance_transaction as string },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toEqual({
      id: payout.id,
      arrivalDate: new Date(payout.arrival_date * 1000).toISOString(),
      balanceTransactionId: payout.balance_transaction,
      reconciliationStatus: payout.reconciliation_status.toUpperCase(),
      reconciliationStatusRaw: payout.reconciliation_status,
      sourceType: payout.source_type.toUpperCase(),
      traceId: payout.trace_id && { status: payout.trace_id.status.toUpperCase(), statusRaw: payout.trace_id.status },
      destination: { __typename: 'BankAccount', id: destination.id, bankName: destination.bank_name, last4: destination.last4, routingNumber: destination.routing_number },
    });
    const txn = await stripe.balanceTransactions.retrieve(payout.balance_transaction as string);
    expect(res.data!.nodes).toEqual([
      {
        id: txn.id,
        __typename: 'BalanceTransaction',
        availableOn: new Date(txn.available_on * 1000).toISOString(),
        reportingCategory: txn.reporting_category,
        balanceType: txn.balance_type.toUpperCase(),
      },
      { id: payout.id, __typename: 'Payout' },
    ]);
  });
});
