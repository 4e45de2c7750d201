import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDate, formatMoney, formatStatus } from '../format';
import { DetailHeader } from '../components/DetailHeader';
import { Fields } from '../components/Fields';
import { StatusBadge } from '../components/StatusBadge';
import { isUserError, RequestErrorNotice, SuccessNotice, UserErrorNotice } from '../components/Notices';

const RefundQuery = graphql(`
  query Refund($id: ID!) {
    refund(id: $id) {
      ...RefundRow
      description
      failureReason
      instructionsEmail
      receiptNumber
      metadata
      balanceTransaction {
        id
        type
        amount
        fee
        net
        status
      }
      charge {
        id
        amount
        amountCaptured
        amountRefunded
        status
        paid
        refunded
        disputed
        description
        balanceTransaction {
          id
          fee
          net
        }
      }
      paymentIntent {
        id
        amount
        amountReceived
        status
        captureMethod
        paymentMethodTypes
        created
      }
    }
  }
`);

const CancelRefundMutation = graphql(`
  mutation CancelRefund($id: ID!) {
    cancelRefund(input: { refundId: $id }) {
      __typename
      ... on CancelRefundPayload {
        refund {
          ...RefundRow
          failureReason
        }
      }
      ...UserErrorFields
    }
  }
`);

/** Only a refund waiting for the customer (REQUIRES_ACTION) can be canceled; the gateway says so otherwise. */
function RefundActions({ id, currency }: { id: string; currency: string }) {
  const [cancel, cancelRefund] = useMutation(CancelRefundMutation);
  const outcome = cancel.data?.cancelRefund;
  return (
    <div className="actions">
      <div className="buttons">
        <button type="button" disabled={cancel.fetching} onClick={() => void cancelRefund({ id })}>
          Cancel refund
        </button>
      </div>
      {cancel.error && <RequestErrorNotice error={cancel.error} />}
      {outcome && isUserError(outcome) && <UserErrorNotice action="Cancel" error={outcome} currency={currency} />}
      {outcome?.__typename === 'CancelRefundPayload' && <SuccessNotice>Refund canceled.</SuccessNotice>}
    </div>
  );
}

/** One refund with its balance transaction, the charge it refunds and that charge's payment intent. */
export function RefundPage({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: RefundQuery, variables: { id } });
  const refund = data?.refund;

  if (error) return <RequestErrorNotice error={error} />;
  if (!refund) return <p className="muted">{fetching ? 'Loading refund…' : `No refund ${id}.`}</p>;
  const { charge, paymentIntent: intent, balanceTransaction: bt, currency } = refund;

  return (
    <section>
      <DetailHeader list={{ page: 'refunds', label: 'Refunds' }} object={refund} />
      <RefundActions id={refund.id} currency={currency} />
      <div className="cards">
        <article className="card">
          <h2>Refund</h2>
          <Fields
            rows={[
              ['Created', formatDate(refund.created)],
              ['Reason', refund.reason ? formatStatus(refund.reason) : null],
              ['Description', refund.description],
              ['Failure', refund.failureReason ? formatStatus(refund.failureReason) : null],
              ['Instructions sent to', refund.instructionsEmail],
              ['Receipt', refund.receiptNumber],
              ['Metadata', refund.metadata && Object.keys(refund.metadata).length ? JSON.stringify(refund.metadata) : null],
            ]}
          />
          <h3>Balance transaction</h3>
          {bt ? (
            <Fields
              rows={[
                ['Id', <code>{bt.id}</code>],
                ['Type', formatStatus(bt.type)],
                ['Amount', formatMoney(bt.amount, currency)],
                ['Net', formatMoney(bt.net, currency)],
                ['Status', formatStatus(bt.status)],
              ]}
            />
          ) : (
            <p className="muted">None yet.</p>
          )}
        </article>
        <article className="card">
          <h2>Charge</h2>
          {charge ? (
            <Fields
              rows={[
                ['Id', <code>{charge.id}</code>],
                ['Status', <StatusBadge status={charge.status} />],
                ['Amount', formatMoney(charge.amount, currency)],
                ['Captured', formatMoney(charge.amountCaptured, currency)],
                ['Refunded', `${formatMoney(charge.amountRefunded, currency)}${charge.refunded ? ' (fully)' : ''}`],
                ['Disputed', charge.disputed ? 'yes' : 'no'],
                ['Description', charge.description],
                ['Fee', charge.balanceTransaction ? formatMoney(charge.balanceTransaction.fee, currency) : null],
                ['Net', charge.balanceTransaction ? formatMoney(charge.balanceTransaction.net, currency) : null],
              ]}
            />
          ) : (
            <p className="muted">None.</p>
          )}
          <h3>Payment intent</h3>
          {intent ? (
            <Fields
              rows={[
                ['Id', <code>{intent.id}</code>],
                ['Status', <StatusBadge status={intent.status} />],
                ['Amount', formatMoney(intent.amount, currency)],
                ['Received', formatMoney(intent.amountReceived, currency)],
                ['Capture', formatStatus(intent.captureMethod)],
                ['Payment methods', intent.paymentMethodTypes.join(', ')],
                ['Created', formatDate(intent.created)],
              ]}
            />
          ) : (
            <p className="muted">None.</p>
          )}
        </article>
      </div>
    </section>
  );
}
