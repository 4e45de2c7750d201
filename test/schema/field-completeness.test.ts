// Every field the Stripe SDK declares on the four main resources (and their
// nested hashes) has a field in the schema: camelCase, or camelCase + "Id"
// for ids and expandables. Reads the SDK's .d.ts at test time, so upgrading
// `stripe` and gaining a field makes this fail until the schema has it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { schema } from '../../src/schema/index.js';

const SDK_TYPES = new URL('../../node_modules/stripe/esm/', import.meta.url);

/** Stripe fields the schema deliberately has no field for, with why. */
const NOT_FIELDS: Readonly<Record<string, string>> = {
  object: 'the GraphQL type name says what the object is',
};

/** Member names of the interface at `path` (e.g. ['Payout', 'TraceId'] = Payout.TraceId) in a .d.ts source. */
export function sdkFields(source: string, path: readonly string[]): string[] {
  let block = source.split('\n');
  path.forEach((name, depth) => {
    const indent = ' '.repeat(4 * depth);
    const last = depth === path.length - 1;
    const opener = last
      ? new RegExp(`^${indent}(export )?interface ${name} \\{$`)
      : new RegExp(`^${indent}(export )?(declare )?namespace ${name} \\{$`);
    const start = block.findIndex((line) => opener.test(line));
    if (start < 0) throw new Error(`No ${last ? 'interface' : 'namespace'} ${path.slice(0, depth + 1).join('.')} in the SDK types`);
    const end = block.findIndex((line, i) => i > start && line === `${indent}}`);
    block = block.slice(start + 1, end);
  });
  const member = new RegExp(`^${' '.repeat(4 * path.length)}(\\w+)\\??:`);
  return block.flatMap((line) => member.exec(line)?.[1] ?? []);
}

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface Case {
  type: string;
  file: string;
  path: string[];
  /** Stripe fields covered by another GraphQL field (e.g. per-method hashes folded into JSON). */
  coveredBy?: (field: string) => string | undefined;
}

const CASES: Case[] = [
  { type: 'Payout', file: 'resources/Payouts.d.ts', path: ['Payout'] },
  { type: 'PayoutTraceId', file: 'resources/Payouts.d.ts', path: ['Payout', 'TraceId'] },
  { type: 'Refund', file: 'resources/Refunds.d.ts', path: ['Refund'] },
  {
    type: 'RefundDestinationDetails',
    file: 'resources/Refunds.d.ts',
    path: ['Refund', 'DestinationDetails'],
    coveredBy: (field) => (field === 'type' || field === 'card' ? undefined : 'typeDetails'),
  },
  { type: 'RefundCardDestination', file: 'resources/Refunds.d.ts', path: ['Refund', 'DestinationDetails', 'Card'] },
  { type: 'RefundNextAction', file: 'resources/Refunds.d.ts', path: ['Refund', 'NextAction'] },
  { type: 'RefundDisplayDetails', file: 'resources/Refunds.d.ts', path: ['Refund', 'NextAction', 'DisplayDetails'] },
  { type: 'RefundEmailSent', file: 'resources/Refunds.d.ts', path: ['Refund', 'NextAction', 'DisplayDetails', 'EmailSent'] },
  { type: 'RefundPresentmentDetails', file: 'resources/Refunds.d.ts', path: ['Refund', 'PresentmentDetails'] },
  { type: 'TransferReversal', file: 'resources/TransferReversals.d.ts', path: ['TransferReversal'] },
  { type: 'OutboundPayment', file: 'resources/Treasury/OutboundPayments.d.ts', path: ['OutboundPayment'] },
  {
    type: 'OutboundPaymentStatusTransitions',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'StatusTransitions'],
  },
  {
    type: 'OutboundPaymentReturnedDetails',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'ReturnedDetails'],
  },
  {
    type: 'OutboundPaymentTrackingDetails',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'TrackingDetails'],
  },
  {
    type: 'OutboundPaymentAchTracking',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'TrackingDetails', 'Ach'],
  },
  {
    type: 'OutboundPaymentWireTracking',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'TrackingDetails', 'UsDomesticWire'],
  },
  { type: 'OutboundPaymentEndUserDetails', file: 'resources/Treasury/OutboundPayments.d.ts', path: ['OutboundPayment', 'EndUserDetails'] },
  {
    type: 'OutboundPaymentDestinationDetails',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'DestinationPaymentMethodDetails'],
  },
  {
    type: 'OutboundPaymentBillingDetails',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'DestinationPaymentMethodDetails', 'BillingDetails'],
  },
  {
    type: 'OutboundPaymentDestinationFinancialAccount',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'DestinationPaymentMethodDetails', 'FinancialAccount'],
  },
  {
    type: 'OutboundPaymentDestinationUsBankAccount',
    file: 'resources/Treasury/OutboundPayments.d.ts',
    path: ['OutboundPayment', 'DestinationPaymentMethodDetails', 'UsBankAccount'],
  },
  { type: 'Address', file: 'shared.d.ts', path: ['Address'] },
];

describe('every Stripe field has a GraphQL field', () => {
  it.each(CASES)('$type ⊇ Stripe $path', ({ type, file, path, coveredBy }) => {
    const source = readFileSync(new URL(file, SDK_TYPES), 'utf8');
    const stripeFields = sdkFields(source, path);
    expect(stripeFields.length).toBeGreaterThan(0);

    const graphqlType = schema.getType(type);
    if (!isObjectType(graphqlType)) throw new Error(`${type} is not an object type in the schema`);
    const have = new Set(Object.keys(graphqlType.getFields()));

    const missing = stripeFields
      .filter((field) => !(field in NOT_FIELDS))
      .filter((field) => {
        const candidates = [coveredBy?.(field), camel(field), `${camel(field)}Id`].filter(Boolean) as string[];
        return !candidates.some((name) => have.has(name));
      });
    expect(missing, `${type} lacks fields for Stripe's ${path.join('.')}: ${missing.join(', ')}`).toEqual([]);
  });

  it('reads nested interfaces, not their parents’ members', () => {
    const source = readFileSync(new URL('resources/Payouts.d.ts', SDK_TYPES), 'utf8');
    expect(sdkFields(source, ['Payout', 'TraceId']).sort()).toEqual(['status', 'value']);
    expect(sdkFields(source, ['Payout'])).toContain('reconciliation_status');
    expect(sdkFields(source, ['Payout'])).not.toContain('value');
  });
});
