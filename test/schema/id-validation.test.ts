// Ids are checked by prefix before any upstream call, and node() asks the
// loaders only for the expansions of fragments that apply to the id's type.
import { describe, expect, it } from 'vitest';
import { execute, parse } from 'graphql';
import type { Context } from '../../src/context.js';
import type { Loaders } from '../../src/stripe/loaders.js';
import { schema } from '../../src/schema/index.js';
import { ANONYMOUS } from '../../src/auth/principal.js';
import { createQueryPlanner } from '../../src/planning/planner.js';

/** A context whose loaders fail the test if anything reaches them. */
const untouchable = {
  principal: ANONYMOUS,
  loaders: {
    load: () => {
      throw new Error('the loaders were called');
    },
    prime: () => {
      throw new Error('the loaders were called');
    },
  },
} as unknown as Context;

async function run(query: string, contextValue: Context = untouchable) {
  return execute({ schema, document: parse(query), contextValue });
}

describe('id validation', () => {
  it('refuses a refund id for payout(id:) with BAD_USER_INPUT, before any upstream call', async () => {
    const result = await run('{ payout(id: "re_123") { id } }');
    expect(result.data).toEqual({ payout: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toBe('Expected a payout id (po_…), got "re_123".');
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('names every accepted prefix and the offending argument', async () => {
    const refund = await run('{ refund(id: "po_1") { id } }');
    expect(refund.errors![0].message).toBe('Expected a refund id (re_… or pyr_…), got "po_1".');

    const reversal = await run('{ transferReversal(transferId: "po_1", id: "trr_1") { id } }');
    expect(reversal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'transferId' });

    const payments = await run('{ outboundPayments(financialAccount: "acct_1", first: 1) { edges { cursor } } }');
    expect(payments.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'financialAccount' });
  });

  it('refuses an id longer than 255 characters by itself too (without the gateway-wide input check), quoting only its start', async () => {
    const long = `po_${'a'.repeat(253)}`;
    const result = await run(`{ payout(id: "${long}") { id } }`);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(result.errors![0].message).toBe(`Expected a payout id (po_…), got "${long.slice(0, 80)}…".`);
  });

  it('refuses a bare reversal id in node(id:), which needs its transfer', async () => {
    const result = await run('{ node(id: "trr_1") { id } }');
    expect(result.errors![0].message).toMatch(/trr_…:tr_…/);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('node(id:)', () => {
  it('loads by the id’s type, expanding only what that type’s fragments select', async () => {
    const calls: { kind: string; id: string; expand?: readonly string[] }[] = [];
    const balanceTransaction = { id: 'txn_1', object: 'balance_transaction', amount: -500 };
    const loaders: Loaders = {
      load: async (kind, id, expand) => {
        calls.push({ kind, id, expand });
        return { id, object: 'payout', balance_transaction: balanceTransaction } as never;
      },
      prime: () => {},
    };
    const result = await run(
      `{ node(id: "po_1") {
          id
          ... on Payout { balanceTransaction { amount } }
          ... on Refund { charge { id } }
        } }`,
      { loaders, planner: createQueryPlanner(), principal: ANONYMOUS } as unknown as Context,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: { id: 'po_1', balanceTransaction: { amount: -500 } } });
    expect(calls).toEqual([{ kind: 'payout', id: 'po_1', expand: ['balance_transaction'] }]);
  });
});

describe('node(id:) with an id no type has', () => {
  it('answers BAD_USER_INPUT instead of an internal error', async () => {
    const result = await run('{ node(id: "cus_1") { id } }');
    expect(result.data).toEqual({ node: null });
    expect(result.errors![0].message).toMatch(/No type has ids like "cus_1"/);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
