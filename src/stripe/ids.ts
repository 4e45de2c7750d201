/**
 * Stripe id prefixes → GraphQL type names. Ids are checked against these
 * before any upstream call, so a wrong id fails fast with a clear message.
 */
export const ID_PREFIXES = {
  Payout: ['po_'],
  Refund: ['re_', 'pyr_'],
  Transfer: ['tr_'],
  TransferReversal: ['trr_'],
  OutboundPayment: ['obp_'],
  FinancialAccount: ['fa_'],
  TreasuryTransaction: ['trxn_'],
  BalanceTransaction: ['txn_'],
  Charge: ['ch_', 'py_'],
  PaymentIntent: ['pi_'],
} as const;

export type NodeTypeName = keyof typeof ID_PREFIXES;

const ID_SHAPE = /^[a-z]+_[A-Za-z0-9]+$/;

/** Longer than any Stripe id (they are about 30 characters; Stripe's own limit on keys and ids is 255). */
export const MAX_ID_LENGTH = 255;

/** The GraphQL type an id belongs to, by prefix; '' when no type matches (node() then answers an error). */
export function typeNameForId(id: string): NodeTypeName | '' {
  const prefix = id.slice(0, id.indexOf('_') + 1);
  for (const [typeName, prefixes] of Object.entries(ID_PREFIXES) as [NodeTypeName, readonly string[]][]) {
    if (prefixes.includes(prefix)) return typeName;
  }
  return '';
}

/** `id` quoted for an error message, cut short if long (the caller's input must not flood the answer). */
export function quoteId(id: string): string {
  return JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
}

/** True when `id` is well-formed, not too long, and has one of `typeName`'s prefixes. */
export function isIdOf(typeName: NodeTypeName, id: string): boolean {
  return id.length <= MAX_ID_LENGTH && ID_SHAPE.test(id) && (ID_PREFIXES[typeName] as readonly string[]).some((p) => id.startsWith(p));
}

/**
 * A TransferReversal's node id: Stripe can fetch a reversal only through its
 * transfer, so the reversal's id carries the transfer's: 'trr_…:tr_…'.
 */
export function reversalNodeId(reversalId: string, transferId: string): string {
  return `${reversalId}:${transferId}`;
}

/** Splits a reversal node id back into its reversal and transfer ids; null if malformed. */
export function parseReversalNodeId(id: string): { reversalId: string; transferId: string } | null {
  const [reversalId, transferId, ...rest] = id.split(':');
  if (rest.length || !reversalId || !transferId) return null;
  if (!isIdOf('TransferReversal', reversalId) || !isIdOf('Transfer', transferId)) return null;
  return { reversalId, transferId };
}
