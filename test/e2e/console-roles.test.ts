import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse as browseWith, logInToConsole, startDemoConsole, type BrowseOptions } from '../support/browser';
import type { TestServer } from '../support/server';

/**
 * The console on the demo world (3,000 people, the seeded demo logins, 8 days of score history)
 * in real Chromium: logging in as each role, what each role's menu holds, a refused login, and
 * the influencer explorer — filter by region (ADMINs), export, profile with its charts.
 * Prints how long the influencer list takes to show its first rows.
 */

let server: TestServer;
let browser: Browser;

function browse(name: string, body: (page: Page) => Promise<void>, options: Omit<BrowseOptions, 'baseURL'> = {}): Promise<void> {
  return browseWith(browser, name, body, { ...options, baseURL: server.url });
}

const logIn = (page: Page, email: string, password?: string) => logInToConsole(page, email, { password });

/** The resource entries of the sidebar menu, in order. */
async function menuEntries(page: Page): Promise<string[]> {
  const menu = page.locator('.RaMenu-open, .RaMenu-closed').first();
  await menu.getByText('Dashboard').waitFor();
  // The menu renders each resource once its canAccess answered; give it a moment to settle.
  await page.waitForLoadState('networkidle');
  return (await menu.locator('a[role="menuitem"]').allInnerTexts()).map((t) => t.trim());
}

const rows = (page: Page) => page.locator('.RaDataTable-tbody tr');

describe('the console on the demo world, by role, in Chromium', () => {
  beforeAll(async () => {
    // A week and a day of daily history: enough for the history chart and this week's movers.
    ({ server, browser } = await startDemoConsole(8));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['admin@demo.sway', ['Dashboard', 'Influencers', 'Accounts', 'Content', 'Interactions', 'Topics', 'Campaigns'], true],
    ['analyst@demo.sway', ['Dashboard', 'Influencers', 'Accounts', 'Content', 'Interactions', 'Topics', 'Campaigns'], true],
    ['brand@demo.sway', ['Dashboard', 'Influencers', 'Topics', 'Campaigns'], false],
    ['influencer@demo.sway', ['Dashboard', 'Topics'], false],
  ])('%s logs in and sees the menu of their role', async (email, expected, explorer) => {
    await browse(`menu-${email.split('@')[0]}`, async (page) => {
      await logIn(page, email);
      await page.getByRole('heading', { name: 'Score distribution' }).waitFor();
      expect(await menuEntries(page)).toEqual(expected);
      expect(await page.getByRole('link', { name: 'Query explorer' }).count()).toBe(explorer ? 1 : 0);
      // The user menu names them and logs them out.
      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByRole('menuitem', { name: 'Logout' }).click();
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      expect(await page.evaluate(() => (globalThis as any).localStorage.getItem('sway.session'))).toBeNull();
    });
  });

  it('a refused login says so on the login page', async () => {
    await browse('login-refused', async (page) => {
      await logIn(page, 'analyst@demo.sway', 'not-the-password');
      await page.getByRole('alert').getByText('That email and password do not match a Sway login.').waitFor();
      expect(page.url()).toMatch(/\/admin\/login$/);
    });
  });

  it('an admin filters influencers by region (a personal detail: ADMINs only), exports them as CSV, and opens a profile with its history drawn', async () => {
    const expected = await server.gql(`{ people(first: 1, filter: { region: "GB" }) { totalCount } }`);
    const gbCount: number = expected.data.people.totalCount;
    expect(gbCount).toBeGreaterThan(25); // more than a page: the export runs on the server
    await browse(
      'analyst-explorer',
      async (page) => {
        // Region is a personal detail (privacy): only admins filter by it, so this walk-through runs as the admin.
        await logIn(page, 'admin@demo.sway');
        await page.getByRole('heading', { name: 'Score distribution' }).waitFor();

        // First paint of the influencer list: from opening it to its first row on screen.
        const opened = await page.evaluate(() => performance.now());
        await page.getByRole('menuitem', { name: 'Influencers' }).click();
        await rows(page).first().waitFor();
        const painted = await page.evaluate(() => performance.now());
        console.log(`[figure] influencer list, first rows on screen ${Math.round(painted - opened)} ms after opening it (demo world, ${(await server.gql('{ people { totalCount } }')).data.people.totalCount} people; goal 1500 ms)`);

        // And from a cold page load of /admin/people (the bundle from the browser's cache, as on a revisit).
        await page.goto('/admin/people');
        await rows(page).first().waitFor();
        const coldMs = await page.evaluate(() => performance.now());
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
        console.log(`[figure] influencer list loaded by URL: first rows ${Math.round(coldMs)} ms after navigation start (first contentful paint ${Math.round(fcp)} ms; goal 1500 ms)`);

        // Filter by region in the sidebar: the count follows the API's.
        await page.getByTestId('people-filters').getByPlaceholder('e.g. US').first().fill('GB');
        await page.getByText(`1-25 of ${gbCount}`).waitFor();
        expect(new Set(await page.locator('.RaDataTable-tbody .column-region').allInnerTexts())).toEqual(new Set(['GB']));

        // Export: the whole filtered list, not just the page on screen.
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export CSV' }).click();
        const file = await (await download).path();
        const exported: Record<string, string>[] = parse(fs.readFileSync(file!, 'utf8'), { columns: true });
        expect(exported).toHaveLength(gbCount);
        expect(new Set(exported.map((r) => r.region))).toEqual(new Set(['GB']));
        expect(exported.every((r) => Number(r.score) >= 1 && Number(r.score) <= 100)).toBe(true);

        // Open the first profile: score, components and the history line drawn.
        const name = (await page.locator('.RaDataTable-tbody .column-displayName').first().innerText()).trim();
        await rows(page).first().click();
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
        await page.getByTestId('profile-score').waitFor();
        const line = page.locator('[data-testid="history-chart"] path.recharts-line-curve');
        await line.waitFor();
        expect((await line.getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
        expect(await page.locator('[data-testid="components-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
        await page.getByTestId('score-change').getByText(/points from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/).waitFor();
        await page.getByRole('button', { name: '7 days' }).click();
        await expect.poll(async () => (await page.getByTestId('score-change').innerText()).match(/from (\S+) to/)?.[1], { timeout: 10_000 }).toBe(new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10));
      },
      { acceptDownloads: true },
    );
  });

  it('an admin saves a query and picks columns; both are remembered', async () => {
    const counts = await server.gql(`{ gb: people(first: 1, filter: { region: "GB" }) { totalCount } us: people(first: 1, filter: { region: "US" }) { totalCount } }`);
    const { gb, us } = counts.data as { gb: { totalCount: number }; us: { totalCount: number } };
    await browse('saved-query-columns', async (page) => {
      await logIn(page, 'admin@demo.sway'); // filters by region: admins only (privacy)
      await page.getByRole('menuitem', { name: 'Influencers' }).click();
      await rows(page).first().waitFor();
      const region = page.getByTestId('people-filters').getByPlaceholder('e.g. US').first();
      await region.fill('GB');
      await page.getByText(`1-25 of ${gb.totalCount}`).waitFor();
      await page.getByTestId('people-filters').getByRole('button', { name: /Save current query/ }).click();
      await page.getByLabel('Query name').fill('British influencers');
      await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
      const saved = page.getByTestId('people-filters').getByText('British influencers');
      await saved.waitFor();

      await region.fill('US');
      await page.getByText(`1-25 of ${us.totalCount}`).waitFor();
      await saved.click();
      await page.getByText(`1-25 of ${gb.totalCount}`).waitFor();

      // The column picker hides a column, and the choice survives a reload.
      expect(await page.locator('.RaDataTable-thead .column-region').count()).toBe(1);
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.locator('.MuiPopover-paper').getByText('Region', { exact: true }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.RaDataTable-thead .column-region').count()).toBe(0);
      await page.reload();
      await rows(page).first().waitFor();
      expect(await page.locator('.RaDataTable-thead .column-region').count()).toBe(0);
      expect(await page.getByTestId('people-filters').getByText('British influencers').count()).toBe(1);
    });
  });

  it('an analyst is not offered the region and language filters (ADMIN only on the server)', async () => {
    await browse('analyst-no-personal-filters', async (page) => {
      await logIn(page, 'analyst@demo.sway');
      await page.getByRole('menuitem', { name: 'Influencers' }).click();
      await rows(page).first().waitFor();
      await page.getByTestId('people-filters').getByText('Score').waitFor();
      expect(await page.getByTestId('people-filters').getByPlaceholder('e.g. US').count()).toBe(0);
      expect(await page.getByTestId('people-filters').getByPlaceholder('e.g. en').count()).toBe(0);
    });
  });

  it('a server BAD_USER_INPUT shows on the filter field it names', async () => {
    await browse('bad-input-on-field', async (page) => {
      await logIn(page, 'admin@demo.sway');
      await page.getByRole('menuitem', { name: 'Influencers' }).click();
      await rows(page).first().waitFor();
      await page.getByTestId('people-filters').getByPlaceholder('e.g. US').first().fill('X'.repeat(70));
      // The API refuses region longer than 64 characters; the reason sits under the region box.
      const helper = page.getByTestId('people-filters').locator('.MuiFormHelperText-root.Mui-error');
      await helper.waitFor();
      expect(await helper.innerText()).toMatch(/64/);
    });
  });

  it('the dashboard draws the score histogram and lists this week’s movers; it fits a phone', async () => {
    for (const [name, viewport] of [
      ['dashboard-demo-1280', { width: 1280, height: 900 }],
      ['dashboard-demo-390', { width: 390, height: 844 }],
    ] as const) {
      await browse(
        name,
        async (page) => {
          await logIn(page, 'analyst@demo.sway');
          await expect.poll(() => page.locator('[data-testid="score-histogram"] .recharts-bar-rectangle').count(), { timeout: 15_000 }).toBeGreaterThan(3);
          await expect.poll(() => page.locator('[data-testid="top-movers"] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
          expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          if (viewport.width < 600) {
            await page.goto('/admin/people');
            await page.locator('.RaSimpleList-tertiary').first().waitFor();
            expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          }
        },
        { viewport },
      );
    }
  });
});
