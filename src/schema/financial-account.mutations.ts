import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import { FinancialAccountFeature, FinancialAccountRef, TreasuryNetwork } from './financial-account.js';
import {
  amount,
  currency,
  idempotencyKey,
  idempotencyKeyField,
  INPUT_ARG_DESCRIPTION,
  metadata,
  metadataField,
  optional,
  stripeId,
  text,
  toMetadataParam,
} from './mutation-input.js';
import { auditedRefusal } from './mutation-audit.js';
import { runMutation, runTestHelper } from './mutation-run.js';
import { stateSubject, type WriteSubject } from './stripe-write.js';
import type { Context } from '../context.js';
import {
  IdempotencyConflictError,
  InvalidInputError,
  FinancialAccountInvalidStateError,
  NotFoundError,
  resultDescription,
  TestModeOnlyError,
} from './user-errors.js';

/** A financial account named by the input (none for a create), its status read for FinancialAccountInvalidStateError. */
export function financialAccountSubject(ctx: Context, id?: string): WriteSubject {
  return stateSubject(ctx, 'financialAccount', id, (fa) => fa.status, (message, status) => new FinancialAccountInvalidStateError(message, status));
}

// ── createFinancialAccount ───────────────────────────────────────────────

/** The features Stripe lets a request ask for (FinancialAccountFeature also lists ones only Stripe grants). */
const REQUESTABLE_FEATURES = new Set([
  'card_issuing',
  'deposit_insurance',
  'financial_addresses.aba',
  'inbound_transfers.ach',
  'intra_stripe_flows',
  'outbound_payments.ach',
  'outbound_payments.us_domestic_wire',
  'outbound_transfers.ach',
  'outbound_transfers.us_domestic_wire',
]);

const CreateFinancialAccountInput = builder.inputType('CreateFinancialAccountInput', {
  description: 'Opens a Treasury financial account (on the connected account given by the gateway’s Stripe-Account, if any).',
  fields: (t) => ({
    supportedCurrencies: t.field({ type: ['Currency'], required: true, description: 'Currencies it holds; Treasury supports ["usd"].' }),
    features: t.field({
      type: [FinancialAccountFeature.ref],
      description: 'Features to request; Stripe’s defaults apply when omitted (outbound payments need OUTBOUND_PAYMENTS_ACH / _US_DOMESTIC_WIRE).',
    }),
    nickname: t.string({ description: 'A name to recognise it by (≤100 characters).' }),
    metadata: metadataField(t, 'financial account', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const createFinancialAccountRules = z.object({
  supportedCurrencies: z.array(currency).min(1, 'give at least one currency'),
  features: optional(
    z.array(z.string().refine((f) => REQUESTABLE_FEATURES.has(f), { message: 'is not a feature a request can ask for' })),
  ),
  nickname: optional(text(100)),
  metadata: optional(metadata),
  idempotencyKey: optional(idempotencyKey),
});

/** ['outbound_payments.ach', 'intra_stripe_flows'] → { outbound_payments: { ach: { requested: true } }, intra_stripe_flows: { requested: true } }. */
function featureParams(paths: readonly string[]): Stripe.Treasury.FinancialAccountCreateParams.Features {
  const out: Record<string, Record<string, unknown>> = {};
  for (const path of paths) {
    const [group, leaf] = path.split('.');
    out[group] = leaf ? { ...out[group], [leaf]: { requested: true } } : { requested: true };
  }
  return out as Stripe.Treasury.FinancialAccountCreateParams.Features;
}

const CreateFinancialAccountPayload = builder
  .objectRef<{ financialAccount: Stripe.Treasury.FinancialAccount }>('CreateFinancialAccountPayload')
  .implement({
    description: 'The new financial account.',
    fields: (t) => ({
      financialAccount: t.expose('financialAccount', { type: FinancialAccountRef, description: 'The financial account (status OPEN).' }),
    }),
  });

builder.mutationField('createFinancialAccount', (t) =>
  t.field({
    type: CreateFinancialAccountPayload,
    description: 'Opens a Treasury financial account, the source of outbound payments.',
    authScopes: { 'treasury:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreateFinancialAccountInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, FinancialAccountInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreateFinancialAccountResult', description: resultDescription('createFinancialAccount') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, createFinancialAccountRules, async (input, write) => {
        const financialAccount = await write((options) =>
          ctx.stripe.treasury.financialAccounts.create(
            {
              supported_currencies: input.supportedCurrencies,
              features: input.features && featureParams(input.features),
              nickname: input.nickname,
              metadata: toMetadataParam(input.metadata),
            },
            options,
          ),
          financialAccountSubject(ctx),
        );
        // No subscription follows financial accounts: nothing to publish.
        ctx.loaders.prime('financialAccount', financialAccount);
        return { financialAccount };
      }),
  }),
);

// ── createReceivedCredit (test helper) ───────────────────────────────────

const ReceivedCreditRef = builder.objectRef<Stripe.Treasury.ReceivedCredit>('ReceivedCredit').implement({
  description: 'Money that arrived in a financial account from outside (here: simulated by the createReceivedCredit test helper).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stripe’s id (rc_…).' }),
    amount: t.exposeInt('amount', { description: 'Amount in cents.' }),
    currency: t.field({ type: 'Currency', description: 'Currency, lowercase.', resolve: (rc) => rc.currency }),
    network: t.exposeString('network', { description: 'The rail it arrived on (ach, us_domestic_wire, card, stripe).' }),
    status: t.exposeString('status', { description: 'succeeded or failed.' }),
    description: t.exposeString('description', { description: 'What the sender wrote.' }),
    created: t.field({ type: 'DateTime', description: 'When it arrived.', resolve: (rc) => rc.created }),
  }),
});

const CreateReceivedCreditInput = builder.inputType('CreateReceivedCreditInput', {
  description: 'Test mode: simulates money arriving in a financial account (to fund outbound payments).',
  fields: (t) => ({
    financialAccountId: t.id({ required: true, description: 'The financial account to credit (fa_…).' }),
    amount: t.int({ required: true, description: 'Amount in cents; a positive integer.' }),
    currency: t.field({ type: 'Currency', required: true, description: 'Three-letter ISO currency code; "usd".' }),
    network: t.field({ type: TreasuryNetwork.ref, required: true, description: 'The rail it arrives on: ACH or US_DOMESTIC_WIRE.' }),
    description: t.string({ description: 'What the sender wrote (≤500 characters).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const createReceivedCreditRules = z.object({
  financialAccountId: stripeId('FinancialAccount'),
  amount,
  currency,
  network: z.enum(['ach', 'rtp', 'us_domestic_wire']),
  description: optional(text(500)),
  idempotencyKey: optional(idempotencyKey),
});

const CreateReceivedCreditPayload = builder
  .objectRef<{ receivedCredit: Stripe.Treasury.ReceivedCredit; financialAccount: Stripe.Treasury.FinancialAccount }>('CreateReceivedCreditPayload')
  .implement({
    description: 'The credit and the account it funded.',
    fields: (t) => ({
      receivedCredit: t.expose('receivedCredit', { type: ReceivedCreditRef, description: 'The simulated incoming credit.' }),
      financialAccount: t.expose('financialAccount', {
        type: FinancialAccountRef,
        description: 'The financial account read again, with its new balance.',
      }),
    }),
  });

builder.mutationField('createReceivedCredit', (t) =>
  t.field({
    type: CreateReceivedCreditPayload,
    description:
      'Test helper: credits a financial account as if money had arrived by ACH or wire. Refused with TestModeOnlyError under a live key.',
    authScopes: { test_helpers: true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreateReceivedCreditInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, TestModeOnlyError, NotFoundError, FinancialAccountInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreateReceivedCreditResult', description: resultDescription('createReceivedCredit') },
    },
    resolve: (_root, args, ctx, info) =>
      runTestHelper(ctx, info, args.input, createReceivedCreditRules, async (input, write) => {
        const receivedCredit = await write(
          (options) =>
            ctx.stripe.testHelpers.treasury.receivedCredits.create(
              {
                financial_account: input.financialAccountId,
                amount: input.amount,
                currency: input.currency,
                network: input.network,
                description: input.description,
              },
              options,
            ),
          financialAccountSubject(ctx, input.financialAccountId),
        );
        const financialAccount = await ctx.stripe.treasury.financialAccounts.retrieve(input.financialAccountId, {}, ctx.requestOptions);
        ctx.loaders.prime('financialAccount', financialAccount);
        return { receivedCredit, financialAccount };
      }),
  }),
);
