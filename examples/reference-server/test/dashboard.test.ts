/**
 * The dashboard in a real browser (playwright-core + Debian chromium): an embedded server with real bots, the
 * simulator CLI (its built entry run from sources) sends a lead message, the browser signs in with the admin key,
 * sees the conversation, acknowledges an alert, and saves docs/images/dashboard.png.
 *
 * Skipped with a visible notice when /usr/bin/chromium is absent (CI machines may lack it; see docs/dashboard.md).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP } from '../src/dashboard/index';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(
    `\n[skip] ${CHROMIUM} not found: skipping the dashboard browser test (apt-get install -y chromium)\n`,
  );
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const screenshotPath = join(packageDir, '..', '..', 'docs', 'images', 'dashboard.png');
const LEAD_TEXT = 'I want to buy a 3 bed in Round Rock under 450k';
const RULE = {
  id: 'dashboard_demo_response_time',
  name: 'Demo: lead bot answered (fires on any P95)',
  severity: 'warning',
  metric: 'lead_bot.response_time_p95',
  operator: 'gte',
  threshold: 0,
  minSamples: 0,
  forMs: 0,
  cooldownMs: 0,
};

describe.skipIf(!hasChromium)('dashboard in Chromium', () => {
  let server: EmbeddedServer;
  let browser: Browser;
  let page: Page;
  let contactId: string;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server.secrets.adminApiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startEmbeddedServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith('data:')) {
        foreignRequests.push(request.url());
      }
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the assets with their content types and a self-only CSP', async () => {
    const html = await fetch(`${server.baseUrl}/dashboard`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await html.text();
    expect(text).not.toMatch(/https?:\/\//); // no CDN, no external reference
    const js = await fetch(`${server.baseUrl}/dashboard/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = await fetch(`${server.baseUrl}/dashboard/style.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${server.baseUrl}/dashboard/../secrets.json`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/dashboard/nope.js`)).status).toBe(404);
  });

  it('the simulator CLI sends a signed lead message and prints the reply', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/simulate.ts',
        '--url',
        server.baseUrl,
        '--data-dir',
        server.dataDir,
        LEAD_TEXT,
      ],
      { cwd: packageDir, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const match = /^→ (sim-[\w-]+): /m.exec(stdout);
    expect(match).not.toBeNull();
    contactId = match?.[1] ?? '';
    expect(stdout).toMatch(/^← buyer bot \(/m);
    const state = await server.runtime.stores.conversations.get({ tenantId: 'demo', contactId });
    expect(state?.activeBot).toBe('buyer');
  }, 90_000);

  it('rejects a wrong key at sign-in', async () => {
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.fill('[data-testid=api-key]', 'ehk_not-a-real-key-0000000000000000');
    await page.click('[data-testid=login]');
    await expect.poll(() => page.textContent('#login-error')).toMatch(/\S/);
    expect(await page.isVisible('#app-view')).toBe(false);
  });

  it('signs in, shows the simulated conversation, acknowledges an alert and saves a screenshot', async () => {
    expect((await api('POST', '/alerts/rules', RULE)).status).toBe(201);
    await server.runtime.observability.alerts.evaluate();

    await page.goto(`${server.baseUrl}/dashboard`);
    await page.fill('[data-testid=api-key]', server.secrets.adminApiKey);
    await page.click('[data-testid=login]');
    await page.waitForSelector(`#conversations tr[data-contact-id="${contactId}"]`, {
      timeout: 15_000,
    });
    const row = await page.textContent(`#conversations tr[data-contact-id="${contactId}"]`);
    expect(row).toContain('buyer');
    const state = await server.runtime.stores.conversations.get({ tenantId: 'demo', contactId });
    const last = state?.messages.at(-1);
    expect(row).toContain(
      `${last?.direction === 'inbound' ? '→' : '←'} ${last?.body.slice(0, 40) ?? 'missing'}`,
    );
    // The token (never the key) is kept for this tab only.
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
    expect(stored).toContain('token');
    expect(stored).not.toContain(server.secrets.adminApiKey);

    // Panels filled from the metrics snapshot.
    await page.waitForSelector('#sla svg rect', { timeout: 15_000 });
    expect(await page.textContent('#panel-sla')).toContain('buyer · process');
    await page.waitForSelector('#outbox tr[data-outbox-id]');

    const alertRow = `#alerts tr[data-alert-id]:has(code:text-is("${RULE.id}"))`;
    await page.waitForSelector(alertRow, { timeout: 15_000 });
    expect(await page.getAttribute(alertRow, 'data-status')).toBe('firing');
    await page.click(`${alertRow} [data-testid=acknowledge]`);
    await expect
      .poll(() => page.getAttribute(alertRow, 'data-status'), { timeout: 10_000 })
      .toBe('acknowledged');
    const acknowledged = await api('GET', '/alerts?status=acknowledged');
    expect((acknowledged.body['items'] as { rule: string }[]).map((item) => item.rule)).toContain(
      RULE.id,
    );

    await mkdir(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    expect(existsSync(screenshotPath)).toBe(true);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors.filter((message) => !/401|Unauthorized/.test(message))).toEqual([]);
  }, 60_000);

  it('lists a dead letter and retries it from the outbox panel', async () => {
    // Stop the deliverer so the entry stays where the test puts it (the dry-run gateway never fails on its own).
    await server.worker.stop();
    const [entry] = await server.runtime.stores.outbox.enqueue({
      tenantId: 'demo',
      maxAttempts: 1,
      actions: [
        {
          type: 'addToWorkflow',
          idempotencyKey: `dead-${Date.now()}`,
          contactId,
          workflow: 'hot_lead',
        },
      ],
    });
    const [claimed] = await server.runtime.stores.outbox.claim({
      tenantIds: 'all',
      limit: 10,
      leaseMs: 60_000,
    });
    expect(claimed?.id).toBe(entry?.id);
    await server.runtime.stores.outbox.fail({
      tenantId: 'demo',
      id: claimed?.id ?? '',
      leaseToken: claimed?.leaseToken ?? '',
      error: { code: 'CRM_ACTION_FAILED', message: 'GHL said no', retryable: false },
    });
    await page.selectOption('[data-testid=outbox-status]', 'dead');
    const row = `#outbox tr[data-outbox-id="${entry?.id ?? ''}"]`;
    await page.waitForSelector(`${row} [data-testid=retry]`, { timeout: 10_000 });
    expect(await page.textContent(row)).toContain('CRM_ACTION_FAILED');
    await page.click(`${row} [data-testid=retry]`);
    await expect
      .poll(
        async () =>
          (await server.runtime.stores.outbox.list({ tenantId: 'demo', status: 'pending' })).map(
            (item) => item.id,
          ),
        { timeout: 10_000 },
      )
      .toContain(entry?.id);
    await page.waitForSelector(row, { state: 'detached', timeout: 10_000 }); // gone from the dead-letter view
  });

  it('silences an alert from its row', async () => {
    const alertRow = `#alerts tr[data-alert-id]:has(code:text-is("${RULE.id}"))`;
    await page.click(`${alertRow} [data-testid=silence]`);
    await expect
      .poll(() => page.textContent('#silences'), { timeout: 10_000 })
      .toContain(`alertname=${RULE.id}`);
    const silences = await api('GET', '/alerts/silences');
    expect(JSON.stringify(silences.body)).toContain(RULE.id);
  });
});
