import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDate, formatMoney, formatStatus } from '../format';
import { hrefFor } from '../route';
import { DetailHeader } from '../components/DetailHeader';
import { Fields } from '../components/Fields';
import { StatusBadge } from '../components/StatusBadge';
import { isUserError, RequestErrorNotice, SuccessNotice, UserErrorNotice } from '../components/Notices';

const PayoutQuery = graphql(`
  query Payout($id: ID!) {
    payout(id: $id) {
      ...PayoutRow
      type
      sourceType
      description
      statementDescriptor
      failureMessage
      metadata
      destination {
        __typename
        ... on BankAccount {
          id
          bankName
          last4
        }
        ... on Card {
          id
          brand
          last4
        }
        ... on DeletedExternalAccount {
          id
        }
      }
      traceId {
        status
        value
      }
      balanceTransaction {
        id
        type
        amount
        fee
        net
        status
        availableOn
        reportingCategory
      }
      failureBalanceTransaction {
        id
        type
        amount
      }
      originalPayout {
        id
        amount
        currency
        status
      }
      reversedBy {
        id
        amount
        currency
        status
      }
    }
  }
`);

const CancelPayoutMutation = graphql(`
  mutation CancelPayout($id: ID!) {
    cancelPayout(input: { payoutId: $id }) {
      __typename
      ... on CancelPayoutPayload {
        payout {
          ...PayoutRow
          failureBalanceTransaction {
            id
            type
            amount
          }
        }
      }
      ...UserErrorFields
    }
  }
`);

const ReversePayoutMutation = graphql(`
  mutation ReversePayout($id: ID!) {
    reversePayout(input: { payoutId: $id }) {
      __typename
      ... on ReversePayoutPayload {
        payout {
          id
          reversedBy {
            id
            amount
            currency
            status
          }
        }
        reversal {
          ...PayoutRow
          originalPayout {
            id
          }
        }
      }
      ...UserErrorFields
    }
  }
`);

/** Cancel (pending payouts) and reverse (paid ones): the gateway decides, and says why when it refuses. */
function PayoutActions({ id, currency }: { id: string; currency: string }) {
  const [cancel, cancelPayout] = useMutation(CancelPayoutMutation);
  const [reverse, reversePayout] = useMutation(ReversePayoutMutation);
  const canceled = cancel.data?.cancelPayout;
  const reversed = reverse.data?.reversePayout;
  const busy = cancel.fetching || reverse.fetching;

  return (
    <div className="actions">
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => void cancelPayout({ id })}>
          Cancel payout
        </button>
        <button type="button" disabled={busy} onClick={() => void reversePayout({ id })}>
          Reverse payout
        </button>
      </div>
      {cancel.error && <RequestErrorNotice error={cancel.error} />}
      {canceled && isUserError(canceled) && <UserErrorNotice action="Cancel" error={canceled} currency={currency} />}
      {canceled?.__typename === 'CancelPayoutPayload' && <SuccessNotice>Payout canceled: the amount is back in the balance.</SuccessNotice>}
      {reverse.error && <RequestErrorNotice error={reverse.error} />}
      {reversed && isUserError(reversed) && <UserErrorNotice action="Reverse" error={reversed} currency={currency} />}
      {reversed?.__typename === 'ReversePayoutPayload' && (
        <SuccessNotice>
          Reversal <a href={hrefFor({ page: 'payout', id: reversed.reversal.id })}>{reversed.reversal.id}</a> created (
          {formatMoney(reversed.reversal.amount, reversed.reversal.currency)}).
        </SuccessNotice>
      )}
    </div>
  );
}

type LinkedPayout = { id: string; amount: number; currency: string; status: string } | null | undefined;

function PayoutLink({ payout }: { payout: LinkedPayout }) {
  if (!payout) return null;
  return (
    <>
      <a href={hrefFor({ page: 'payout', id: payout.id })}>{payout.id}</a> {formatMoney(payout.amount, payout.currency)}{' '}
      <StatusBadge status={payout.status} />
    </>
  );
}

/** One payout with what it points at: its balance transaction, destination, and reversal links. */
export function PayoutPage({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PayoutQuery, variables: { id } });
  const payout = data?.payout;

  if (error) return <RequestErrorNotice error={error} />;
  if (!payout) return <p className="muted">{fetching ? 'Loading payout…' : `No payout ${id}.`}</p>;
  const bt = payout.balanceTransaction;
  const destination = payout.destination;

  return (
    <section>
      <DetailHeader list={{ page: 'payouts', label: 'Payouts' }} object={payout} />
      <PayoutActions id={payout.id} currency={payout.currency} />
      <div className="cards">
        <article className="card">
          <h2>Payout</h2>
          <Fields
            rows={[
              ['Created', formatDate(payout.created)],
              ['Arrival', formatDate(payout.arrivalDate)],
              ['Method', formatStatus(payout.method)],
              ['Type', formatStatus(payout.type)],
              ['Source', formatStatus(payout.sourceType)],
              ['Automatic', payout.automatic ? 'yes' : 'no'],
              ['Description', payout.description],
              ['Statement descriptor', payout.statementDescriptor],
              ['Failure', payout.failureMessage],
              ['Trace id', payout.traceId ? `${formatStatus(payout.traceId.status)}${payout.traceId.value ? ` ${payout.traceId.value}` : ''}` : null],
              [
                'Destination',
                destination?.__typename === 'BankAccount'
                  ? `${destination.bankName ?? 'Bank account'} ••••${destination.last4}`
                  : destination?.__typename === 'Card'
                    ? `${destination.brand} ••••${destination.last4}`
                    : destination?.id,
              ],
              ['Metadata', payout.metadata && Object.keys(payout.metadata).length ? JSON.stringify(payout.metadata) : null],
              ['Reverses', payout.originalPayout ? <PayoutLink payout={payout.originalPayout} /> : null],
              ['Reversed by', payout.reversedBy ? <PayoutLink payout={payout.reversedBy} /> : null],
            ]}
          />
        </article>
        <article className="card">
          <h2>Balance transaction</h2>
          {bt ? (
            <Fields
              rows={[
                ['Id', <code>{bt.id}</code>],
                ['Type', formatStatus(bt.type)],
                ['Amount', formatMoney(bt.amount, payout.currency)],
                ['Fee', formatMoney(bt.fee, payout.currency)],
                ['Net', formatMoney(bt.net, payout.currency)],
                ['Status', formatStatus(bt.status)],
                ['Available on', formatDate(bt.availableOn)],
                ['Reporting category', bt.reportingCategory],
              ]}
            />
          ) : (
            <p className="muted">None.</p>
          )}
          {payout.failureBalanceTransaction && (
            <>
              <h3>Returned to the balance</h3>
              <Fields
                rows={[
                  ['Id', <code>{payout.failureBalanceTransaction.id}</code>],
                  ['Type', formatStatus(payout.failureBalanceTransaction.type)],
                  ['Amount', formatMoney(payout.failureBalanceTransaction.amount, payout.currency)],
                ]}
              />
            </>
          )}
        </article>
      </div>
    </section>
  );
}
