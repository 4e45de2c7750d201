import { hrefFor, useRoute } from './route';
import { LiveFeed } from './components/LiveFeed';
import { PayoutsPage } from './pages/PayoutsPage';
import { PayoutPage } from './pages/PayoutPage';
import { RefundsPage } from './pages/RefundsPage';
import { RefundPage } from './pages/RefundPage';
import { sendDocumentHashes } from './settings';

export function App() {
  const route = useRoute();
  const section = route.page === 'refunds' || route.page === 'refund' ? 'refunds' : 'payouts';

  return (
    <div className="app">
      <header className="topbar">
        <strong>Payouts dashboard</strong>
        <nav>
          <a href={hrefFor({ page: 'payouts', cursor: null })} aria-current={section === 'payouts' ? 'page' : undefined}>
            Payouts
          </a>
          <a href={hrefFor({ page: 'refunds', cursor: null })} aria-current={section === 'refunds' ? 'page' : undefined}>
            Refunds
          </a>
        </nav>
        <span className="muted">{sendDocumentHashes ? 'trusted documents (hashes only)' : 'full documents'}</span>
      </header>
      <div className="layout">
        <main>
          {route.page === 'payouts' && <PayoutsPage cursor={route.cursor} />}
          {route.page === 'payout' && <PayoutPage key={route.id} id={route.id} />}
          {route.page === 'refunds' && <RefundsPage cursor={route.cursor} />}
          {route.page === 'refund' && <RefundPage key={route.id} id={route.id} />}
        </main>
        <LiveFeed />
      </div>
    </div>
  );
}
