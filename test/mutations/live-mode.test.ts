import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationHarness, type MutationHarness } from './support.js';

const LIVE_KEY = 'sk_live_gatewayMutationsTest123';

/** Each test helper, called with well-formed input. */
const HELPERS = [
  { field: 'expireRefund', args: '{ refundId: "re_1Live" }' },
  { field: 'failOutboundPayment', args: '{ outboundPaymentId: "obp_1Live" }' },
  { field: 'postOutboundPayment', args: '{ outboundPaymentId: "obp_1Live" }' },
  { field: 'returnOutboundPayment', args: '{ outboundPaymentId: "obp_1Live", code: DECLINED }' },
  { field: 'updateOutboundPaymentTracking', args: '{ outboundPaymentId: "obp_1Live", ach: { traceId: "841042400123450" } }' },
  { field: 'createReceivedCredit', args: '{ financialAccountId: "fa_1Live", amount: 100, currency: "usd", network: ACH }' },
];

describe('test helpers under a live key', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    // A live key pointed at the emulator: nothing may be sent, so nothing could reach real Stripe either.
    h = await mutationHarness({ env: { STRIPE_SECRET_KEY: LIVE_KEY, AUTH_DISABLED: 'true' } });
  });
  afterAll(() => h.close());

  it('the gateway knows it runs live', () => {
    expect(h.config.live).toBe(true);
  });

  it.each(HELPERS)('$field is a TestModeOnlyError, with no upstream call', async ({ field, args }) => {
    const { result, calls } = await h.upstreamCalls(() =>
      h.gql(`mutation { ${field}(input: ${args}) { __typename ... on UserError { code message } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as Record<string, unknown>)[field]).toMatchObject({ __typename: 'TestModeOnlyError', code: 'TEST_MODE_ONLY' });
    expect(calls.total).toBe(0);
    expect(result.body).not.toContain(LIVE_KEY);
  });
});
