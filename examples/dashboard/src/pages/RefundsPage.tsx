import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatDate, formatMoney, formatStatus } from '../format';
import { pageVariables, visiblePage } from '../paging';
import { hrefFor, navigate, type PageCursor } from '../route';
import { PagedTable } from '../components/PagedTable';
import { StatusBadge } from '../components/StatusBadge';

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
      <PagedTable
        noun="refunds"
        page={page}
        fetching={fetching}
        error={error}
        columns={['Refund', '#Amount', 'Status', 'Reason', 'Charge', 'Created']}
        onPage={(c) => navigate({ page: 'refunds', cursor: c })}
        row={({ node }) => (
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
        )}
      />
    </section>
  );
}
