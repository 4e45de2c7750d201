import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDate, formatMoney } from '../format';
import { pageVariables, visiblePage } from '../paging';
import { hrefFor, navigate, type PageCursor } from '../route';
import { PagedTable } from '../components/PagedTable';
import { StatusBadge } from '../components/StatusBadge';
import { isUserError, RequestErrorNotice, UserErrorNotice } from '../components/Notices';

const PayoutsPageQuery = graphql(`
  query PayoutsPage($first: Int, $after: String, $last: Int, $before: String) {
    payouts(first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          ...PayoutRow
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const CreatePayoutMutation = graphql(`
  mutation CreatePayout($amount: Int!, $currency: Currency!) {
    createPayout(input: { amount: $amount, currency: $currency }) {
      __typename
      ... on CreatePayoutPayload {
        payout {
          ...PayoutRow
        }
      }
      ...UserErrorFields
    }
  }
`);

/** A manual payout from the available balance: it starts PENDING, so it can be canceled for a while. */
function NewPayoutForm() {
  const [amount, setAmount] = useState('25.00');
  const [state, createPayout] = useMutation(CreatePayoutMutation);
  const outcome = state.data?.createPayout;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await createPayout({ amount: Math.round(Number(amount) * 100), currency: 'usd' });
    const created = result.data?.createPayout;
    if (created?.__typename === 'CreatePayoutPayload') navigate({ page: 'payout', id: created.payout.id });
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        Amount (USD){' '}
        <input type="number" min="0.01" step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} required />
      </label>
      <button type="submit" disabled={state.fetching}>
        New payout
      </button>
      {state.error && <RequestErrorNotice error={state.error} />}
      {outcome && isUserError(outcome) && <UserErrorNotice action="New payout" error={outcome} currency="usd" />}
    </form>
  );
}

/** A page of payouts, newest first, paging both ways over graphcache's merged connection. */
export function PayoutsPage({ cursor }: { cursor: PageCursor }) {
  const [{ data, fetching, error }] = useQuery({ query: PayoutsPageQuery, variables: pageVariables(cursor) });
  const page = data ? visiblePage(data.payouts, cursor) : null;

  return (
    <section>
      <header className="section-header">
        <h1>Payouts</h1>
        <NewPayoutForm />
      </header>
      <PagedTable
        noun="payouts"
        page={page}
        fetching={fetching}
        error={error}
        columns={['Payout', '#Amount', 'Status', 'Created', 'Arrival', '#Net']}
        onPage={(c) => navigate({ page: 'payouts', cursor: c })}
        row={({ node }) => (
          <tr key={node.id} data-id={node.id}>
            <td>
              <a href={hrefFor({ page: 'payout', id: node.id })}>{node.id}</a>
              {node.automatic && <span className="tag">automatic</span>}
            </td>
            <td className="num">{formatMoney(node.amount, node.currency)}</td>
            <td>
              <StatusBadge status={node.status} />
            </td>
            <td>{formatDate(node.created)}</td>
            <td>{formatDate(node.arrivalDate)}</td>
            <td className="num">{node.balanceTransaction ? formatMoney(node.balanceTransaction.net, node.currency) : '—'}</td>
          </tr>
        )}
      />
    </section>
  );
}
