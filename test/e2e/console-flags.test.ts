import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse as browseWith, logInToConsole, startDemoConsole, type BrowseOptions } from '../support/browser';
import type { TestServer } from '../support/server';

/**
 * Authenticity review in the console, on the demo world after a rescore (its planted attacks are
 * flagged; one server for the file): an analyst sees newly flagged people on the dashboard, opens
 * one, reads the evidence and dismisses a flag with a reason (an empty one is refused by the server,
 * under the field); the review is recorded in the API. Other roles see no flags. Phone and desktop.
 */

let server: TestServer;
let browser: Browser;

function browse(name: string, body: (page: Page) => Promise<void>, options: Omit<BrowseOptions, 'baseURL'> = {}): Promise<void> {
  return browseWith(browser, name, body, { ...options, baseURL: server.url });
}

const logIn = (page: Page, email: string) => logInToConsole(page, email, { landOnDashboard: true });

interface PendingFlag {
  id: string;
  kind: string;
  person: { id: string; displayName: string };
}

/** The newest flags nobody has reviewed, as the dashboard lists them. */
async function pendingFlags(first = 8): Promise<{ totalCount: number; nodes: PendingFlag[] }> {
  const res = await server.gql(`query($first: Int!) { authenticityFlags(first: $first, filter: { status: PENDING }) { totalCount nodes { id kind person { id displayName } } } }`, { first });
  expect(res.errors).toBeUndefined();
  return res.data.authenticityFlags;
}

async function flagsOf(personId: string): Promise<{ id: string; status: string; reviews: { decision: string; reason: string; reviewer: { email: string } | null }[] }[]> {
  const res = await server.gql(`query($id: ID!) { person(id: $id) { authenticity { flags { id status reviews { decision reason reviewer { email } } } } } }`, { id: personId });
  expect(res.errors).toBeUndefined();
  return res.data.person.authenticity.flags;
}

const pageWidth = (page: Page) => page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);

describe('authenticity flags in the console, in Chromium', () => {
  beforeAll(async () => {
    // The rescore runs the detectors: the demo world's planted attacks become flags.
    ({ server, browser } = await startDemoConsole(2));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an analyst sees newly flagged people, opens one, reads the evidence and dismisses a flag with a reason', async () => {
    const pending = await pendingFlags();
    expect(pending.nodes.length).toBeGreaterThan(0);
    const newest = pending.nodes[0];
    const reason = 'A real fan club liked the posts during a live show';

    await browse('flags-dismiss-1280', async (page) => {
      await logIn(page, 'analyst@demo.sway');
      // The dashboard lists the newest pending flags, each with its person, kind and when.
      const panel = page.getByTestId('newly-flagged');
      await panel.waitFor();
      await panel.getByText(`${pending.totalCount.toLocaleString('en-US')} flag`).waitFor();
      const items = panel.getByTestId('newly-flagged-item');
      expect(await items.count()).toBe(pending.nodes.length);
      expect((await items.first().getByRole('link').innerText()).trim()).toBe(newest.person.displayName);

      // Open the person from the panel.
      await items.first().getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: newest.person.displayName, exact: true }).waitFor();
      expect(decodeURIComponent(page.url())).toContain(`/people/${newest.person.id}/show`);

      // The authenticity panel: the figure and the flag with its evidence and effect.
      await page.getByRole('heading', { name: 'Authenticity' }).waitFor();
      const score = Number(await page.getByTestId('authenticity-score').innerText());
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      const card = page.locator(`[data-testid="authenticity-flag"][data-flag-id="${newest.id}"]`);
      await card.waitFor();
      expect(await card.getByTestId('flag-status').innerText()).toBe('PENDING');
      expect((await card.getByTestId('flag-summary').innerText()).trim().length).toBeGreaterThan(10);
      const evidence = card.getByTestId('flag-evidence');
      await evidence.getByText('Interactions', { exact: true }).waitFor();
      await evidence.getByText('When', { exact: true }).waitFor();
      // Who did it: the accounts or people involved, linked.
      expect(await evidence.innerText()).toMatch(/(Accounts|People) \(\d+\)/);
      expect(await evidence.getByRole('link').count()).toBeGreaterThan(0);
      expect(await card.getByTestId('flag-effect').innerText()).toMatch(/authenticity points/);
      await card.getByText('Not reviewed yet.').waitFor();

      // Dismiss with a blank reason: the server's BAD_USER_INPUT shows on the reason field.
      await card.getByRole('button', { name: 'Dismiss' }).click();
      const dialog = page.getByRole('dialog');
      const reasonField = dialog.getByRole('textbox', { name: 'Reason' });
      await reasonField.fill('   ');
      await dialog.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => reasonField.getAttribute('aria-invalid')).toBe('true');
      expect((await dialog.locator('.MuiFormHelperText-root.Mui-error').innerText()).trim().length).toBeGreaterThan(0);
      expect((await flagsOf(newest.person.id)).find((f) => f.id === newest.id)?.reviews).toEqual([]);

      // With a reason: the panel refreshes with the new status and the review in its history.
      await reasonField.fill(reason);
      await dialog.getByRole('button', { name: 'Dismiss' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => card.getByTestId('flag-status').innerText()).toBe('DISMISSED');
      await card.getByTestId('flag-reviews').getByText(reason, { exact: false }).waitFor();
      await card.getByTestId('flag-reviews').getByText('analyst@demo.sway', { exact: false }).waitFor();
      expect(await card.getByTestId('flag-effect').innerText()).toMatch(/^None on authenticity now/);
    });

    // The API recorded the review, by the analyst, and the flag left the pending list.
    const flag = (await flagsOf(newest.person.id)).find((f) => f.id === newest.id);
    expect(flag).toMatchObject({ status: 'DISMISSED', reviews: [{ decision: 'DISMISSED', reason, reviewer: { email: 'analyst@demo.sway' } }] });
    expect((await pendingFlags(100)).nodes.map((f) => f.id)).not.toContain(newest.id);
  });

  it('the dashboard panel and the flags fit a phone and a desktop', async () => {
    const { nodes } = await pendingFlags();
    expect(nodes.length).toBeGreaterThan(0);
    for (const [name, viewport] of [
      ['flags-390', { width: 390, height: 844 }],
      ['flags-1280', { width: 1280, height: 900 }],
    ] as const) {
      await browse(
        name,
        async (page) => {
          await logIn(page, 'analyst@demo.sway');
          await page.getByTestId('newly-flagged').waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
          await page.goto(`/admin/people/${encodeURIComponent(nodes[0].person.id)}/show`);
          await page.locator(`[data-testid="authenticity-flag"][data-flag-id="${nodes[0].id}"]`).waitFor();
          await page.getByTestId('profile-score').waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
          // The review dialog fits as well.
          await page.locator(`[data-flag-id="${nodes[0].id}"]`).getByRole('button', { name: 'Confirm' }).click();
          await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
          await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
          await page.getByRole('dialog').waitFor({ state: 'hidden' });
        },
        { viewport },
      );
    }
  });

  it.each(['brand@demo.sway', 'influencer@demo.sway'])('%s sees no flags: no dashboard panel, no authenticity panel', async (email) => {
    const { nodes } = await pendingFlags();
    await browse(`flags-hidden-${email.split('@')[0]}`, async (page) => {
      await logIn(page, email);
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('heading', { name: 'Newly flagged people' }).count()).toBe(0);
      if (email.startsWith('brand')) {
        await page.goto(`/admin/people/${encodeURIComponent(nodes[0].person.id)}/show`);
        await page.getByRole('heading', { level: 1, name: nodes[0].person.displayName, exact: true }).waitFor();
        await page.getByTestId('profile-score').waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('heading', { name: 'Authenticity' }).count()).toBe(0);
        expect(await page.getByTestId('authenticity-flag').count()).toBe(0);
      }
    });
  });
});
