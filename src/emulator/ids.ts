import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 24;

/** A Stripe-like id: `prefix_` + 24 random alphanumerics, e.g. newId('po') → 'po_3Fq…'. */
export function newId(prefix: string): string {
  const bytes = randomBytes(ID_LENGTH);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A small deterministic hash in [0, 1) — lets outcomes depend on an id reproducibly (e.g. which payouts fail). */
export function unitHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 2 ** 32;
}
