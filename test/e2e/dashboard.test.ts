import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';
import { chromium, type BrowserContext, type Page, type Request, type Route } from 'playwright-core';
import { dashboardConfig } from '../../examples/dashboard/vite.config.js';
import { createHarness, type Harness } from '../harness.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// Headless, and no background traffic to a network that is not there.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** `DASHBOARD_SCREENSHOTS=1 npx vitest run test/e2e/dashboard.test.ts` rewrites docs/dashboard-*.png. */
const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/', import.meta.url)) : null;
const UI_TIMEOUT = 10_000;

interface Operation {
  operationName: string;
  variables: Record<string, unknown>;
}

/** The GraphQL operation a browser request carries, from its URL (GET) or JSON body (POST). */
function graphqlOperation(request: Request): Operation | null {
  const url = new URL(request.url());
  if (url.pathname !== '/graphql') return null;
  if (request.method() === 'POST') return request.postDataJSON() as Operation;
  return { operationName: url.searchParams.get('operationName') ?? '', variables: JSON.parse(url.searchParams.get('variables') ?? '{}') as Record<string, unknown> };
}

const title = hasChromium ? 'the sample dashboard in a real browser' : `the sample dashboard in a real browser (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`;

/**
 * examples/dashboard, built by vite and served by vite's preview server (which proxies /graphql,
 * HTTP and WebSocket, to a gateway on the demo data that runs only the app's persisted documents), driven
 * in chromium as a user would.
 */
describe.skipIf(!hasChromium)(title, () => {
  let h: Harness;
  let work: string;
  let server: PreviewServer;
  let browser: BrowserContext;
  let page: Page;
  /** Every GraphQL request the page sent over HTTP, GET (urql's default for queries) or POST; subscriptions go over graphql-ws. */
  const requests: Operation[] = [];
  const operationsSince = (mark: number) => requests.slice(mark).map((r) => r.operationName);

  beforeAll(async () => {
    // Trusted mode with the dashboard's manifest: a document the app sent as text would be refused.
    const manifest = fileURLToPath(new URL('../../examples/dashboard/src/gql/persisted-documents.json', import.meta.url));
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { TRUSTED_DOCUMENTS: manifest } });
    work = mkdtempSync(join(tmpdir(), 'gateway-dashboard-'));
    const config: InlineConfig = {
      ...dashboardConfig(h.url),
      configFile: false,
      logLevel: 'error',
      cacheDir: join(work, 'vite-cache'),
      build: { outDir: join(work, 'dist') },
    };
    await build(config);
    server = await preview({ ...config, preview: { ...config.preview, port: 0 } });
    browser = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 860 } });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('request', (request) => {
      const operation = graphqlOperation(request);
      if (operation) requests.push(operation);
    });
  }, 60_000);

  afterAll(async () => {
    // Leaving the page closes its WebSocket cleanly (closing the browser would reset it mid-proxy).
    await page?.goto('about:blank');
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    await h?.close();
  });

  const rowIds = () => page.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  const badgeOf = (scope: string) => page.locator(`${scope} .badge`).first().getAttribute('data-status');
  const screenshot = async (name: string) => {
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${name}.png`) });
  };

  it('pages the payouts table forward and back', async () => {
    await page.goto(server.resolvedUrls!.local[0]);
    await expect.poll(async () => (await rowIds()).length, { timeout: UI_TIMEOUT }).toBe(10);
    const first = await rowIds();
    expect(first.every((id) => id?.startsWith('po_'))).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: '← Previous' }).isDisabled(), { timeout: UI_TIMEOUT }).toBe(true);

    // Each Next shows ten payouts none of the pages before showed (polled: the table may re-render on its way there).
    const nextPage = async (seen: (string | null)[]) => {
      await page.getByRole('button', { name: 'Next →' }).click();
      const fresh = async () => {
        const ids = await rowIds();
        return ids.length === 10 && ids.every((id) => !seen.includes(id));
      };
      await expect.poll(fresh, { timeout: UI_TIMEOUT }).toBe(true);
      return rowIds();
    };
    const second = await nextPage(first);
    const third = await nextPage([...first, ...second]);
    expect(new Set([...first, ...second, ...third]).size).toBe(30);

    // Back: a `last`/`before` page. relayPagination already holds it in the merged list, so the rows
    // show while that request is still on its way (held here until they do).
    const held: Route[] = [];
    const graphqlPath = (url: URL) => url.pathname === '/graphql';
    await page.route(graphqlPath, (route) => {
      const operation = graphqlOperation(route.request());
      if (operation?.operationName === 'PayoutsPage' && operation.variables.before) held.push(route);
      else void route.fallback();
    });
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(() => held.length, { timeout: UI_TIMEOUT }).toBe(1);
    await expect.poll(rowIds, { timeout: UI_TIMEOUT }).toEqual(second);
    await page.unroute(graphqlPath);
    await Promise.all(held.map((route) => route.fallback()));
    expect(graphqlOperation(held[0].request())?.variables).toMatchObject({ last: 10, before: expect.any(String) });
    expect(page.url()).toContain('before=');
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(rowIds, { timeout: UI_TIMEOUT }).toEqual(first);
    await expect.poll(() => page.getByRole('button', { name: '← Previous' }).isDisabled(), { timeout: UI_TIMEOUT }).toBe(true);
  });

  it('cancels a new pending payout: the mutation payload and its event update the badge, with no refetch', async () => {
    await page.getByLabel('Amount (USD)').fill('12.34');
    await page.getByRole('button', { name: 'New payout' }).click();
    await page.waitForURL(/#\/payouts\/po_/, { timeout: UI_TIMEOUT });
    const id = decodeURIComponent(page.url().split('/').pop()!);
    await expect.poll(() => badgeOf('h1'), { timeout: UI_TIMEOUT }).toBe('PENDING');
    await expect.poll(() => page.locator('.card').nth(1).textContent(), { timeout: UI_TIMEOUT }).toMatch(/txn_\w+/);

    const mark = requests.length;
    await page.getByRole('button', { name: 'Cancel payout' }).click();
    await expect.poll(() => badgeOf('h1'), { timeout: UI_TIMEOUT }).toBe('CANCELED');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Payout canceled');
    // The gateway's own event for the cancel arrives over graphql-ws into the live feed.
    await expect.poll(() => page.locator('.feed li', { hasText: id }).first().textContent(), { timeout: UI_TIMEOUT }).toContain('payout.canceled');
    expect(operationsSince(mark)).toEqual(['CancelPayout']);
  });

  it('shows a status change that happens upstream (emulator clock) in the table, with no reload or refetch', async () => {
    await page.getByRole('link', { name: 'Payouts', exact: true }).click();
    await expect.poll(async () => (await rowIds()).length, { timeout: UI_TIMEOUT }).toBe(10);
    const inTransit = page.locator('table tbody tr', { has: page.locator('.badge[data-status="IN_TRANSIT"]') }).first();
    const id = await inTransit.getAttribute('data-id');
    expect(id).toMatch(/^po_/);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const mark = requests.length;

    const advanced = await fetch(`${h.emulator.url}/_emulator/clock/advance`, { method: 'POST', body: JSON.stringify({ seconds: 3 * 86_400 }) });
    expect(advanced.status).toBe(200);
    await expect.poll(() => badgeOf(`tr[data-id="${id}"]`), { timeout: UI_TIMEOUT }).toBe('PAID');
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(operationsSince(mark)).toEqual([]);
    await screenshot('payouts');
  });

  it('shows the typed error a user can act on: canceling a paid payout is refused with its current status', async () => {
    const paid = page.locator('table tbody tr', { has: page.locator('.badge[data-status="PAID"]') }).first();
    await paid.getByRole('link').click();
    await expect.poll(() => badgeOf('h1'), { timeout: UI_TIMEOUT }).toBe('PAID');
    await page.getByRole('button', { name: 'Cancel payout' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: UI_TIMEOUT }).toContain('Cancel refused.');
    expect(await alert.locator('code').first().textContent()).toBe('INVALID_STATE');
    expect(await alert.locator('.badge').getAttribute('data-status')).toBe('PAID');
    await screenshot('payout-error');

    // Reversing it works: the payload's `reversedBy` lands on the payout in the cache.
    await page.getByRole('button', { name: 'Reverse payout' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: UI_TIMEOUT }).toMatch(/Reversal po_\w+ created/);
    await expect.poll(() => page.locator('.fields div', { hasText: 'Reversed by' }).textContent(), { timeout: UI_TIMEOUT }).toMatch(/po_/);
  });

  it('opens a refund with its charge, payment intent and balance transaction', async () => {
    await page.getByRole('link', { name: 'Refunds', exact: true }).click();
    await expect.poll(async () => (await rowIds()).length, { timeout: UI_TIMEOUT }).toBe(10);
    await page.locator('table tbody tr').first().getByRole('link').click();
    const cards = page.locator('.card');
    await expect.poll(() => cards.last().textContent(), { timeout: UI_TIMEOUT }).toMatch(/ch_\w+/);
    expect(await cards.last().textContent()).toMatch(/pi_\w+/);
    expect(await cards.first().textContent()).toMatch(/Balance transaction/);
    await screenshot('refund');
  });
});
