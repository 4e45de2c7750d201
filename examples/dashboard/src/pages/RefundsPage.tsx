import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDate, formatMoney, formatStatus } from '../format';
import { pageVariables, visiblePage } from '../paging';
import { hrefFor, navigate, type PageCursor } from '../route';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { RequestErrorNotice } from '../components/Notices';

const RefundsPageQuery = graphql(`
  query RefundsPage($first: Int, $after: String, $last: Int, $before: String) {
    refunds(first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          ...RefundRow
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

/** A page of refunds, newest first, paged like the payouts. */
export function RefundsPage({ cursor }: { cursor: PageCursor }) {
  const [{ data, fetching, error }] = useQuery({ query: RefundsPageQuery, variables: pageVariables(cursor) });
  const page = data ? visiblePage(data.refunds, cursor) : null;

  return (
    <section>
      <header className="section-header">
        <h1>Refunds</h1>
      </header>
      {error && <RequestErrorNotice error={error} />}
      {page && (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>Refund</th>
                  <th className="num">Amount</th>
                  <th>Status</th>
                  <th>Reason</th>
                  <th>Charge</th>
                  <th>Created</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id} data-id={node.id}>
                    <td>
                      <a href={hrefFor({ page: 'refund', id: node.id })}>{node.id}</a>
                    </td>
                    <td className="num">{formatMoney(node.amount, node.currency)}</td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>{node.reason ? formatStatus(node.reason) : '—'}</td>
                    <td>
                      <code>{node.chargeId ?? '—'}</code>
                    </td>
                    <td>{formatDate(node.created)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager newer={page.newer} older={page.older} fetching={fetching} onPage={(c) => navigate({ page: 'refunds', cursor: c })} />
        </>
      )}
      {!page && fetching && <p className="muted">Loading refunds…</p>}
    </section>
  );
}
