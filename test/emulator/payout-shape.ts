/**
 * Field → JSON value types observed in Stripe's payout example responses
 * (create / retrieve / update / cancel / reverse / list), as facts for shape checks.
 */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object';

export const PAYOUT_EXAMPLE_FIELDS: Record<string, readonly JsonType[]> = {
  id: ['string'],
  object: ['string'],
  amount: ['number'],
  arrival_date: ['number'],
  automatic: ['boolean'],
  balance_transaction: ['string', 'null'],
  created: ['number'],
  currency: ['string'],
  description: ['string', 'null'],
  destination: ['string', 'null'],
  failure_balance_transaction: ['string', 'null'],
  failure_code: ['string', 'null'],
  failure_message: ['string', 'null'],
  livemode: ['boolean'],
  metadata: ['object'],
  method: ['string'],
  original_payout: ['string', 'null'],
  reconciliation_status: ['string'],
  reversed_by: ['string', 'null'],
  source_type: ['string'],
  statement_descriptor: ['string', 'null'],
  status: ['string'],
  type: ['string'],
};

export function jsonType(value: unknown): JsonType | 'array' | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType | 'undefined';
}
