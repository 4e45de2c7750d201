import { describe, expect, it } from 'vitest';
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { graphql, parse, type GraphQLResolveInfo } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { createQueryPlanner, type QueryPlanner } from '../../src/planning/planner.js';

/**
 * A schema of this test's own, shaped like Stripe's graph: expandable fields
 * (stripeExpand), a plain hash holding one (stripeField), an embedded list
 * (stripeList), unions and an interface. Every root field records the paths
 * the context's planner computes for its selection.
 */
function testSchema() {
  // Fields are nullable (Pothos' default), so resolvers can answer null.
  const builder = new SchemaBuilder<{ Context: Recorder }>({
    plugins: [RelayPlugin],
    relay: { nodesOnConnection: {} },
    // Required by the type once the gateway's scope-auth plugin is loaded; this schema checks no scopes.
    scopeAuth: { authScopes: () => ({}) },
  });
  const StripeObject = builder.interfaceRef<{ id: string }>('StripeObject').implement({
    fields: (t) => ({ id: t.exposeID('id') }),
  });
  const PaymentIntent = builder.objectRef<{ id: string }>('PaymentIntent');
  const Charge = builder.objectRef<{ id: string }>('Charge');
  const Refund = builder.objectRef<{ id: string }>('Refund');
  const BankAccount = builder.objectRef<{ id: string }>('BankAccount');
  const Card = builder.objectRef<{ id: string }>('Card');
  const BalanceTransaction = builder.objectRef<{ id: string }>('BalanceTransaction');
  const Payout = builder.objectRef<{ id: string }>('Payout');
  const TreasuryTransaction = builder.objectRef<{ id: string }>('TreasuryTransaction');
  const ReturnedDetails = builder.objectRef<{ code: string }>('ReturnedDetails');
  const OutboundPayment = builder.objectRef<{ id: string }>('OutboundPayment');
  const TransferReversal = builder.objectRef<{ id: string }>('TransferReversal');
  const Transfer = builder.objectRef<{ id: string }>('Transfer');
  const Source = builder.unionType('Source', { types: [Charge, Refund] });
  const Destination = builder.unionType('Destination', { types: [BankAccount, Card] });

  const expandable = <T>(type: T, stripeExpand: string) => ({ type, extensions: { stripeExpand }, resolve: () => null });

  PaymentIntent.implement({
    fields: (t) => ({ id: t.exposeID('id'), latestCharge: t.field(expandable(Charge, 'latest_charge')) }),
  });
  Charge.implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      amount: t.int({ resolve: () => 1 }),
      paymentIntent: t.field(expandable(PaymentIntent, 'payment_intent')),
    }),
  });
  Refund.implement({ fields: (t) => ({ id: t.exposeID('id'), charge: t.field(expandable(Charge, 'charge')) }) });
  BankAccount.implement({ fields: (t) => ({ id: t.exposeID('id'), last4: t.string({ resolve: () => '6789' }) }) });
  Card.implement({ fields: (t) => ({ id: t.exposeID('id'), brand: t.string({ resolve: () => 'visa' }) }) });
  BalanceTransaction.implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      fee: t.int({ resolve: () => 0 }),
      source: t.field(expandable(Source, 'source')),
    }),
  });
  Payout.implement({
    interfaces: [StripeObject],
    isTypeOf: () => true,
    fields: (t) => ({
      amount: t.int({ resolve: () => 1 }),
      balanceTransaction: t.field(expandable(BalanceTransaction, 'balance_transaction')),
      destination: t.field(expandable(Destination, 'destination')),
    }),
  });
  TreasuryTransaction.implement({ fields: (t) => ({ id: t.exposeID('id') }) });
  ReturnedDetails.implement({
    fields: (t) => ({ code: t.exposeString('code'), transaction: t.field(expandable(TreasuryTransaction, 'transaction')) }),
  });
  OutboundPayment.implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      returnedDetails: t.field({ type: ReturnedDetails, extensions: { stripeField: 'returned_details' }, resolve: () => null }),
    }),
  });
  TransferReversal.implement({
    fields: (t) => ({ id: t.exposeID('id'), balanceTransaction: t.field(expandable(BalanceTransaction, 'balance_transaction')) }),
  });
  Transfer.implement({
    interfaces: [StripeObject],
    isTypeOf: () => false,
    fields: (t) => ({
      reversals: t.connection({
        type: TransferReversal,
        extensions: { stripeList: 'reversals' },
        resolve: () => ({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } }),
      }),
    }),
  });

  const record = (list: boolean) => (_root: unknown, _args: unknown, ctx: Recorder, info: GraphQLResolveInfo) => {
    ctx.seen.push(ctx.planner.expandPaths(info, { list }));
    return null;
  };
  builder.queryType({
    fields: (t) => ({
      payout: t.field({ type: Payout, resolve: record(false) }),
      outboundPayment: t.field({ type: OutboundPayment, resolve: record(false) }),
      transfer: t.field({ type: Transfer, resolve: record(false) }),
      object: t.field({ type: StripeObject, resolve: record(false) }),
      payouts: t.connection({
        type: Payout,
        resolve: (root, args, ctx, info) => {
          record(true)(root, args, ctx, info);
          return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } };
        },
      }),
    }),
  });
  return builder.toSchema();
}

/** The context of the test schema's resolvers: a planner, and the paths it answered. */
interface Recorder {
  planner: QueryPlanner;
  seen: string[][];
}

const schema = testSchema();
const planner = createQueryPlanner();

async function pathsFor(source: string, variableValues?: Record<string, unknown>): Promise<string[]> {
  const contextValue: Recorder = { planner, seen: [] };
  const result = await graphql({ schema, source, contextValue, variableValues });
  expect(result.errors).toBeUndefined();
  return contextValue.seen.flat();
}

describe('QueryPlanner.expandPaths', () => {
  it('asks for nothing when no expandable field is selected', async () => {
    expect(await pathsFor('{ payout { id amount } }')).toEqual([]);
  });

  it('expands selected fields and their expanded children', async () => {
    expect(await pathsFor('{ payout { balanceTransaction { fee source { ... on Charge { amount } } } } }')).toEqual([
      'balance_transaction',
      'balance_transaction.source',
    ]);
  });

  it('prefixes list paths with data. and reads both edges.node and nodes', async () => {
    expect(await pathsFor('{ payouts(first: 3) { edges { node { balanceTransaction { fee } } } nodes { destination { __typename } } } }')).toEqual([
      'data.balance_transaction',
      'data.destination',
    ]);
  });

  it('follows named fragments, inline fragments and aliases, without duplicates', async () => {
    const source = /* GraphQL */ `
      query {
        payouts {
          edges { node { ...PayoutParts bt2: balanceTransaction { id } } }
          again: edges { node { ... on Payout { balanceTransaction { fee } } } }
        }
      }
      fragment PayoutParts on Payout { balanceTransaction { source { ... on Refund { charge { id } } } } }
    `;
    expect(await pathsFor(source)).toEqual([
      'data.balance_transaction',
      'data.balance_transaction.source',
      'data.balance_transaction.source.charge',
    ]);
  });

  it('walks union members and interface implementations by their type conditions', async () => {
    expect(await pathsFor('{ payout { destination { ... on BankAccount { last4 } ... on Card { brand } } } }')).toEqual(['destination']);
    const viaInterface = await pathsFor('{ object { id ... on Payout { balanceTransaction { fee } } ... on Transfer { id } } }');
    expect(viaInterface).toEqual(['balance_transaction']);
  });

  it('builds paths through plain hashes (stripeField) and embedded lists (stripeList)', async () => {
    expect(await pathsFor('{ outboundPayment { returnedDetails { code transaction { id } } } }')).toEqual([
      'returned_details.transaction',
    ]);
    expect(await pathsFor('{ outboundPayment { returnedDetails { code } } }')).toEqual([]);
    expect(await pathsFor('{ transfer { reversals(first: 2) { edges { node { balanceTransaction { fee } } } } } }')).toEqual([
      'reversals.data.balance_transaction',
    ]);
  });

  it('stops at Stripe’s 4 levels, counting data.', async () => {
    const chain = '{ balanceTransaction { source { ... on Charge { paymentIntent { latestCharge { paymentIntent { id } } } } } } }';
    expect(await pathsFor(`{ payout ${chain} }`)).toEqual([
      'balance_transaction',
      'balance_transaction.source',
      'balance_transaction.source.payment_intent',
      'balance_transaction.source.payment_intent.latest_charge',
    ]);
    expect(await pathsFor(`{ payouts { edges { node ${chain} } } }`)).toEqual([
      'data.balance_transaction',
      'data.balance_transaction.source',
      'data.balance_transaction.source.payment_intent',
    ]);
  });

  it('honours @skip and @include with the operation’s variables', async () => {
    const source = 'query ($bt: Boolean!) { payout { balanceTransaction @include(if: $bt) { fee } destination @skip(if: $bt) { __typename } } }';
    expect(await pathsFor(source, { bt: true })).toEqual(['balance_transaction']);
    expect(await pathsFor(source, { bt: false })).toEqual(['destination']);
  });

  it('honours them when one compiled query runs again with other variables (the gateway compiles each document once)', async () => {
    const document = parse('query ($bt: Boolean!) { payout { balanceTransaction @include(if: $bt) { fee } destination @skip(if: $bt) { __typename } } }');
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('the test query did not compile');
    const run = async (bt: boolean) => {
      const contextValue: Recorder = { planner, seen: [] };
      const result = await compiled.query(undefined, contextValue, { bt });
      expect(result.errors).toBeUndefined();
      return contextValue.seen.flat();
    };
    expect(await run(true)).toEqual(['balance_transaction']);
    expect(await run(false)).toEqual(['destination']);
    expect(await run(true)).toEqual(['balance_transaction']);
  });

  it('computes a compiled query’s paths once per planner: each gateway’s planner owns its memo', async () => {
    const compiled = compileQuery(schema, parse('{ payouts(first: 3) { edges { node { balanceTransaction { fee } } } } }'));
    if (!isCompiledQuery(compiled)) throw new Error('the test query did not compile');
    const run = async (owner: QueryPlanner) => {
      const contextValue: Recorder = { planner: owner, seen: [] };
      expect((await compiled.query(undefined, contextValue, {})).errors).toBeUndefined();
      return contextValue.seen[0];
    };
    const first = await run(planner);
    expect(first).toEqual(['data.balance_transaction']);
    // The same array again: the second request of a compiled query walks nothing.
    expect(await run(planner)).toBe(first);
    // Another planner (another gateway) keeps its own: nothing is shared through module state.
    const other = await run(createQueryPlanner());
    expect(other).toEqual(first);
    expect(other).not.toBe(first);
  });
});
