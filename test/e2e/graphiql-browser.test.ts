import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout } from '../subscriptions/clients.js';
import { apiKeysFile } from '../auth/issuer.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// Headless, and no background traffic to a network that is not there.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A first-time user: opens /graphql in a real browser against the demo data and runs the default example. */
const title = hasChromium ? 'GraphiQL in a real browser' : `GraphiQL in a real browser (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`;

describe.skipIf(!hasChromium)(title, () => {
  let h: Harness;
  let profile: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
    profile = mkdtempSync(join(tmpdir(), 'gateway-graphiql-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await h?.close();
  });

  it('runs the default RecentPayouts example and shows payouts, loading nothing from outside; a reload transfers almost nothing', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const outside: string[] = [];
    const problems: string[] = [];
    // What the gateway sent, as its HTTP server saw it: path, status, bytes written to the socket (headers and body).
    let served: { path: string; status: number; bytes: number }[] = [];
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      const before = req.socket.bytesWritten;
      res.once('finish', () => served.push({ path: req.url ?? '', status: res.statusCode, bytes: req.socket.bytesWritten - before }));
    };
    h.gateway.httpServer.on('request', onRequest);
    const total = () => served.reduce((sum, r) => sum + r.bytes, 0);
    // Monaco fetches its workers as the editors need them, some a while after the page shows (and
    // playwright's 'networkidle' never comes when the page ends a worker still loading): the gateway
    // having served nothing new for 1.5 s is the end of a load.
    const quiet = async () => {
      for (let seen = -1; seen !== served.length; ) {
        seen = served.length;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
    };
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(h.url) && !/^(blob|data):/.test(url)) outside.push(url);
    });
    // A script the page's Content-Security-Policy refused, or any uncaught error, is a failure.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    try {
      await page.goto(`${h.url}/graphql`);
      await page.locator('.graphiql-execute-button').click({ timeout: 20_000 });
      // Several operations in the document: GraphiQL asks which one to run.
      await page.getByRole('menuitem', { name: 'RecentPayouts' }).click();
      const response = page.locator('.graphiql-response');
      // The editor renders spaces as no-break spaces; compare on normalised text.
      const responseText = async () => ((await response.textContent()) ?? '').replace(/\s+/g, ' ');
      await expect.poll(responseText, { timeout: 20_000 }).toMatch(/"id": "po_/);
      const text = await responseText();
      expect(text).toContain('"balanceTransaction"');
      expect(text).not.toContain('"errors"');
      // All of Monaco's workers in the first load's figures, and in the browser's cache before the reload.
      await quiet();
      expect(outside).toEqual([]);
      // Compressed, the whole first load (page, script, styles, Monaco's workers, introspection, the query) is under 2.5 MB.
      const assets = served.filter((r) => r.path.startsWith('/graphiql/'));
      expect(assets.map((r) => r.status)).toEqual(assets.map(() => 200));
      expect(assets.length).toBeGreaterThanOrEqual(6);
      expect(total()).toBeGreaterThan(1_000_000);
      expect(total()).toBeLessThan(2_500_000);

      served = [];
      await page.reload();
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
      await expect.poll(() => served.some((r) => r.path === '/graphql' && r.bytes > 5_000), { timeout: 20_000 }).toBe(true);
      await quiet();
      // Every file comes from the browser's cache; only the small page and the introspection travel again.
      expect(served.filter((r) => r.path.startsWith('/graphiql/'))).toEqual([]);
      expect(served.some((r) => r.path === '/graphql')).toBe(true);
      expect(total()).toBeLessThan(100_000);
      expect(problems).toEqual([]);
    } finally {
      h.gateway.httpServer.off('request', onRequest);
    }
    // A first load compresses GraphiQL's 9 MB once and starts Monaco: on a busy machine, longer than the default 30 s.
  }, 90_000);

  it('opens with a tab per example; the Cancel a payout tab cancels a pending payout pasted into its variables', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    // A first visit: GraphiQL keeps the previous test's tabs in local storage (and writes them back as it unloads).
    await page.goto('about:blank');
    await page.addInitScript(() => localStorage.clear());
    await page.goto(`${h.url}/graphql`);
    const tabs = page.locator('.graphiql-tab-button');
    await expect.poll(() => tabs.allTextContents(), { timeout: 20_000 }).toEqual(['RecentPayouts', 'PendingPayouts', 'PaymentAccounts', 'LivePayouts']);

    const payout = await pendingPayout(emulatorStripe(h.emulator));
    await page.getByRole('button', { name: 'PendingPayouts' }).click();
    // What a user does: replace the placeholder in Variables with the id (typed: the editor's closing quotes and braces are typed over).
    const variables = page.getByRole('region', { name: 'Variables' }).getByRole('code');
    await variables.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(JSON.stringify({ payoutId: payout.id }));
    await expect.poll(async () => ((await variables.textContent()) ?? '').replace(/\s+/g, '')).toContain(`{"payoutId":"${payout.id}"}`);
    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('menuitem', { name: 'CancelPayout' }).click();
    const responseText = async () => ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');
    await expect.poll(responseText, { timeout: 20_000 }).toContain('"__typename": "CancelPayoutPayload"');
    expect(await responseText()).toContain('"status": "CANCELED"');
    expect((await emulatorStripe(h.emulator).payouts.retrieve(payout.id)).status).toBe('canceled');
  }, 90_000);

  const EXAMPLES = ['RecentPayouts', 'PendingPayouts', 'PaymentAccounts', 'LivePayouts'];

  /**
   * A first visit to `url`'s GraphiQL in a page of its own (the earlier tests' page clears the
   * storage on every load; it is sent away first, since GraphiQL writes its tabs back as it unloads).
   */
  async function firstVisit(url: string) {
    for (const other of browser.pages()) await other.goto('about:blank');
    const page = await browser.newPage();
    await page.goto(`${url}/healthz`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${url}/graphql`);
    const tabs = page.locator('.graphiql-tab-button');
    await expect.poll(() => tabs.allTextContents(), { timeout: 20_000 }).toEqual(EXAMPLES);
    /** An editor pane's text, spaces dropped; and replacing it as a user does (until GraphiQL has stored `marker`). */
    const pane = (name: 'Variables' | 'Headers') => {
      const code = page.getByRole('region', { name }).getByRole('code');
      const text = async () => ((await code.textContent()) ?? '').replace(/\s+/g, '');
      const replace = async (value: unknown, marker: string) => {
        await code.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(JSON.stringify(value));
        // GraphiQL stores its tabs a moment after an edit.
        await expect.poll(() => page.evaluate(() => localStorage.getItem('graphiql:tabState') ?? ''), { timeout: 5_000 }).toContain(marker);
      };
      return { text, replace };
    };
    /** Reloads twice: the pane keeps `kept` and no tab is added (GraphiQL alone adds an <untitled> one). */
    const reloadsKeep = async (text: () => Promise<string>, kept: string) => {
      for (let i = 0; i < 2; i++) {
        await page.reload();
        await expect.poll(text, { timeout: 20_000 }).toContain(kept);
        expect(await tabs.allTextContents()).toEqual(EXAMPLES);
      }
    };
    return { page, pane, reloadsKeep };
  }

  it("shows the first tab's variables on a first visit; after an edit, a reload keeps the same tabs and the edit", async () => {
    const { page, pane, reloadsKeep } = await firstVisit(h.url);
    try {
      const variables = pane('Variables');
      // GraphiQL alone opens the first of its default tabs with empty variables (graphql/graphiql#3392).
      await expect.poll(variables.text, { timeout: 20_000 }).toContain('"id":"po_…fromRecentPayouts"');
      await variables.replace({ id: 'po_edited' }, 'po_edited');
      await reloadsKeep(variables.text, '{"id":"po_edited"}');
    } finally {
      await page.close();
    }
  }, 90_000);

  it('with API keys: the Headers tab shows where the token goes; the token pasted there runs queries and survives reloads, with no tab added', async () => {
    const KEY = 'graphiql-browser-key';
    const closed = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { API_KEYS_FILE: apiKeysFile([{ name: 'explorer', key: KEY, scopes: ['read'] }]) } });
    const { page, pane, reloadsKeep } = await firstVisit(closed.url);
    try {
      const headers = pane('Headers');
      await expect.poll(headers.text, { timeout: 20_000 }).toContain('{"Authorization":"Bearer<token>"}');
      await headers.replace({ Authorization: `Bearer ${KEY}` }, KEY);
      await reloadsKeep(headers.text, `{"Authorization":"Bearer${KEY}"}`);
      await page.locator('.graphiql-execute-button').click();
      await page.getByRole('menuitem', { name: 'RecentPayouts' }).click();
      const responseText = async () => ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');
      await expect.poll(responseText, { timeout: 20_000 }).toMatch(/"id": "po_/);
    } finally {
      await page.close();
      await closed.close();
    }
  }, 90_000);
});
