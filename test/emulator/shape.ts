/**
 * Shape checks for emulator objects: the SDK type's required fields (read from
 * the installed .d.ts at test time) and the JSON value types seen in Stripe's
 * example responses (fixtures below, written from the API reference pages).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { expect } from 'vitest';
import { jsonType, type JsonType } from './payout-shape.js';

type Fields = Record<string, readonly JsonType[]>;

const S: readonly JsonType[] = ['string'];
const N: readonly JsonType[] = ['number'];
const B: readonly JsonType[] = ['boolean'];
const O: readonly JsonType[] = ['object'];
const SN: readonly JsonType[] = ['string', 'null'];
const ON: readonly JsonType[] = ['object', 'null'];

/** The canceled refund in Stripe's "Cancel a refund" example. */
export const REFUND_EXAMPLE: Fields = {
  id: S, object: S, amount: N, balance_transaction: SN, charge: SN, created: N, currency: S,
  failure_balance_transaction: S, failure_reason: S, metadata: O, payment_intent: SN, reason: SN,
  receipt_number: SN, source_transfer_reversal: SN, status: S, transfer_reversal: SN,
};

/** The reversal in Stripe's create / retrieve / update / list reversal examples. */
export const REVERSAL_EXAMPLE: Fields = {
  id: S, object: S, amount: N, balance_transaction: SN, created: N, currency: S,
  destination_payment_refund: SN, metadata: O, source_refund: SN, transfer: S,
};

/** The outbound payment in Stripe's cancel / fail / post / return / update examples. */
export const OUTBOUND_PAYMENT_EXAMPLE: Fields = {
  id: S, object: S, amount: N, cancelable: B, created: N, currency: S, customer: SN, description: SN,
  destination_payment_method: SN, destination_payment_method_details: ON, end_user_details: ON,
  expected_arrival_date: N, financial_account: S, hosted_regulatory_receipt_url: SN, livemode: B,
  metadata: O, returned_details: ON, statement_descriptor: S, status: S, status_transitions: O, transaction: S,
};

/** Field names of `export interface <name> {` in the SDK's resources/<file>; `required` leaves out `field?:`. */
export function sdkFields(file: string, name: string, opts: { required?: boolean } = {}): string[] {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; walk up from its entry point to the package folder.
  let pkgDir = dirname(require.resolve('stripe'));
  while (basename(pkgDir) !== 'stripe') pkgDir = dirname(pkgDir);
  const dts = readFileSync(join(pkgDir, 'esm/resources', file), 'utf8');
  const body = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(dts)?.[1] ?? '';
  const fields = [...body.matchAll(/^ {4}([a-z_0-9]+)(\??):/gm)];
  expect(fields.length, `${name} in ${file}`).toBeGreaterThan(3);
  return fields.filter((m) => !opts.required || m[2] === '').map((m) => m[1]);
}

/** Asserts every required SDK field is present and example fields have the example's value types. */
export function expectShape(obj: object, sdk: { file: string; name: string }, example: Fields = {}): void {
  const record = obj as Record<string, unknown>;
  for (const field of sdkFields(sdk.file, sdk.name, { required: true })) {
    expect(record, `${sdk.name}.${field}`).toHaveProperty(field);
  }
  for (const [field, types] of Object.entries(example)) {
    expect(types, `${sdk.name}.${field} is ${jsonType(record[field])}`).toContain(jsonType(record[field]));
  }
}
