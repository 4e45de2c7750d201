import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, stripePageFor } from '../../src/planning/pagination.js';

function badInput(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return err as GraphQLError;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('stripePageFor', () => {
  it('defaults to Stripe’s page of 10, newest first', () => {
    expect(stripePageFor('payout', {})).toEqual({ backward: false, params: { limit: 10 } });
  });

  it('maps first/after onto limit + starting_after', () => {
    expect(stripePageFor('payout', { first: 25, after: encodeCursor('po_abc') })).toEqual({
      backward: false,
      params: { limit: 25, starting_after: 'po_abc' },
    });
  });

  it('maps last/before onto limit + ending_before', () => {
    expect(stripePageFor('refund', { last: 5, before: encodeCursor('re_xyz') })).toEqual({
      backward: true,
      params: { limit: 5, ending_before: 're_xyz' },
    });
    expect(stripePageFor('refund', { before: encodeCursor('pyr_1') }).params).toEqual({ limit: 10, ending_before: 'pyr_1' });
  });

  it.each([0, 101, -1, 2.5])('refuses first: %d', (first) => {
    expect(badInput(() => stripePageFor('payout', { first })).message).toMatch(/`first` must be between 1 and 100/);
  });

  it('refuses last: 101 and last without before', () => {
    badInput(() => stripePageFor('payout', { last: 101, before: encodeCursor('po_1') }));
    expect(badInput(() => stripePageFor('payout', { last: 3 })).message).toMatch(/`last` needs a `before` cursor/);
  });

  it('refuses contradictory combinations', () => {
    badInput(() => stripePageFor('payout', { first: 1, last: 1 }));
    badInput(() => stripePageFor('payout', { after: encodeCursor('po_1'), before: encodeCursor('po_2') }));
    badInput(() => stripePageFor('payout', { first: 1, before: encodeCursor('po_2') }));
    badInput(() => stripePageFor('payout', { last: 1, after: encodeCursor('po_2') }));
  });
});

describe('cursors', () => {
  it('round-trip and stay opaque', () => {
    const cursor = encodeCursor('po_1Mabc');
    expect(cursor).not.toContain('po_');
    expect(decodeCursor('payout', cursor, 'after')).toBe('po_1Mabc');
  });

  it.each([
    ['garbage', '!!!'],
    ['not base64 of an id', encodeCursor('hello world')],
    ['another resource’s id', encodeCursor('re_123')],
    ['an id with a path', encodeCursor('po_1/../x')],
  ])('refuses %s', (_label, cursor) => {
    const err = badInput(() => decodeCursor('payout', cursor, 'after'));
    expect(err.extensions.argument).toBe('after');
  });

  it('accepts every prefix of the kind (charges: ch_ and py_)', () => {
    expect(decodeCursor('charge', encodeCursor('py_1'), 'before')).toBe('py_1');
  });
});
