import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCampaigns } from '../../server/db/seed/demo-campaigns';
import { browse as browseWith, logInToConsole, startDemoConsole, type BrowseOptions } from '../support/browser';
import type { TestServer } from '../support/server';

/**
 * Campaigns in the console, on the demo world with its demo campaigns (one server for the file):
 * a brand manager builds a campaign with the live audience following the score slider, saves and
 * activates it; an analyst filters influencers by score range and topic, reads campaign reports
 * and is refused editing; the pages fit a phone.
 */

let server: TestServer;
let browser: Browser;
/** A topic some demo people are active experts in, and a campaign of the demo brand. */
let topic: { slug: string; displayName: string };
let demoCampaign: { id: string; name: string };

function browse(name: string, body: (page: Page) => Promise<void>, options: Omit<BrowseOptions, 'baseURL'> = {}): Promise<void> {
  return browseWith(browser, name, body, { ...options, baseURL: server.url });
}

const logIn = (page: Page, email: string) => logInToConsole(page, email, { landOnDashboard: true });

async function previewSize(target: Record<string, unknown>): Promise<number> {
  const res = await server.gql(`query($target: AudienceTargetInput!) { previewAudience(target: $target) { size } }`, { target });
  return res.data.previewAudience.size;
}

async function peopleCount(audience: Record<string, unknown>): Promise<number> {
  const res = await server.gql(`query($audience: AudienceTargetInput!) { people(first: 1, filter: { audience: $audience }) { totalCount } }`, { audience });
  return res.data.people.totalCount;
}

const audienceSize = async (page: Page) => Number((await page.getByTestId('audience-size').innerText()).replace(/\D/g, ''));
const rows = (page: Page) => page.locator('.RaDataTable-tbody tr');
const pageWidth = (page: Page) => page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);

describe('campaigns in the console, in Chromium', () => {
  beforeAll(async () => {
    const demo = await startDemoConsole(2);
    ({ server, browser } = demo);
    const { ctx, anchor, seeded } = demo;
    await seedDemoCampaigns(ctx, server.app.services, {
      anchor,
      spare: seeded.cast.influencers.slice(0, 1),
      exclude: seeded.planted.flatMap((p) => [...p.personExternalIds, ...p.beneficiaryPersonExternalIds]),
      managerEmail: 'brand@demo.sway',
    });
    // A topic with experts, but not everyone: the topic filter must narrow the list.
    const topics = (await server.gql(`{ topics(first: 100) { nodes { slug displayName } } }`)).data.topics.nodes as { slug: string; displayName: string }[];
    const all = await peopleCount({});
    for (const t of topics) {
      const n = await peopleCount({ topics: [t.slug] });
      if (n > 0 && n < all) {
        topic = t;
        break;
      }
    }
    expect(topic).toBeDefined();
    // A demo campaign of brand@demo.sway's brand with claims still to ship.
    const campaigns = (await server.gql(`{ campaigns(first: 20) { nodes { id name brand { name } claims(status: CLAIMED, first: 1) { totalCount } } } }`)).data.campaigns.nodes as {
      id: string;
      name: string;
      brand: { name: string };
      claims: { totalCount: number };
    }[];
    demoCampaign = campaigns.find((c) => c.brand.name === 'Northwind Athletics' && c.claims.totalCount > 0)!;
    expect(demoCampaign).toBeDefined();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a brand manager creates a campaign, watches the audience follow the score slider, saves and activates it', async () => {
    const name = `Slam Dunk ${Date.now() % 100000}`;
    await browse('campaign-create-activate', async (page) => {
      await logIn(page, 'brand@demo.sway');
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      await page.getByRole('link', { name: 'Create' }).click();
      await page.getByTestId('targeting-builder').waitFor();

      // Everyone to begin with: the preview's count is the API's.
      const everyone = await previewSize({});
      await expect.poll(() => audienceSize(page).catch(() => -1)).toBe(everyone);

      // Raise the lowest score by 40 with the keyboard: the count follows, debounced.
      const lowest = page.getByTestId('target-score-range').getByRole('slider', { name: 'Lowest score' });
      await lowest.focus();
      for (let i = 0; i < 4; i++) await lowest.press('PageUp');
      const min = Number(await lowest.getAttribute('aria-valuenow'));
      expect(min).toBe(41);
      const narrowed = await previewSize({ minScore: min });
      expect(narrowed).toBeLessThan(everyone);
      await expect.poll(() => audienceSize(page)).toBe(narrowed);
      expect(await page.getByTestId('audience-sample').locator('li').count()).toBeGreaterThan(0);

      await page.getByLabel('Name *').fill(name);
      await page.getByLabel('Code (hashtag) *').fill(`SLAM${Date.now() % 100000}`);
      await page.getByLabel('Description *').fill('Sneakers for people whose posts travel.');
      await page.getByLabel('What the influencer receives *').fill('A pair of sneakers');
      await page.getByRole('button', { name: 'Save' }).click();

      // The show page: a DRAFT with the range saved; activate it.
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByTestId('campaign-targeting').getByText(`${min} to 100`).waitFor();
      await page.getByTestId('status-chip').getByText('DRAFT').waitFor();
      await page.getByRole('button', { name: 'Activate' }).click();
      await page.getByTestId('status-chip').getByText('ACTIVE').first().waitFor();
      await page.getByTestId('campaign-report').waitFor();

      // In the list, ACTIVE.
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      const row = rows(page).filter({ hasText: name });
      await row.getByText('ACTIVE').waitFor();
    });
  });

  it('a server BAD_USER_INPUT shows under the campaign field it names', async () => {
    await browse('campaign-bad-input', async (page) => {
      await logIn(page, 'brand@demo.sway');
      await page.goto('/admin/campaigns/create');
      await page.getByTestId('targeting-builder').waitFor();
      await page.getByLabel('Name *').fill('Too short a code');
      await page.getByLabel('Code (hashtag) *').fill('ab');
      await page.getByLabel('Description *').fill('x');
      await page.getByLabel('What the influencer receives *').fill('x');
      await page.getByRole('button', { name: 'Save' }).click();
      const helper = page.locator('.MuiFormHelperText-root.Mui-error');
      await helper.first().waitFor();
      expect(await page.locator('.ra-input-code .MuiFormHelperText-root.Mui-error').count()).toBe(1);
    }, { expectedConsoleErrors: [/status of 400/] });
  });

  it('an analyst filters influencers by score range and topic', async () => {
    await browse('analyst-score-topic', async (page) => {
      await logIn(page, 'analyst@demo.sway');
      await page.getByRole('menuitem', { name: 'Influencers' }).click();
      await rows(page).first().waitFor();

      const lowest = page.getByTestId('score-range-filter').getByRole('slider', { name: 'Lowest score' });
      await lowest.focus();
      // Three steps of 10, one at a time: a press that lands while the list re-renders (and takes the
      // focus) is lost, so focus and press again until the value moves.
      for (let attempts = 0; Number(await lowest.getAttribute('aria-valuenow')) < 31 && attempts < 12; attempts++) {
        await lowest.focus();
        await lowest.press('PageUp');
        await page.waitForTimeout(300);
      }
      const min = Number(await lowest.getAttribute('aria-valuenow'));
      expect(min).toBe(31);
      const byScore = await peopleCount({ minScore: min });
      await page.getByText(new RegExp(`of ${byScore}$`)).waitFor();

      const topicBox = page.getByTestId('topic-filter').getByRole('combobox');
      await topicBox.click();
      await topicBox.pressSequentially(topic.displayName.slice(0, 4), { delay: 50 });
      await page.getByRole('option', { name: topic.displayName, exact: true }).click();
      const both = await peopleCount({ minScore: min, topics: [topic.slug] });
      expect(both).toBeLessThan(byScore);
      await page.getByText(new RegExp(`of ${both}$`)).waitFor();
      if (both > 0) await rows(page).first().waitFor();
    });
  });

  it('an analyst reads campaigns and their reports but cannot create, edit or change their status', async () => {
    await browse('analyst-campaigns-read-only', async (page) => {
      await logIn(page, 'analyst@demo.sway');
      await page.getByTestId('active-campaigns').waitFor();
      await page.getByRole('menuitem', { name: 'Campaigns' }).click();
      await rows(page).first().waitFor();
      expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);

      await rows(page).filter({ hasText: demoCampaign.name }).first().click();
      await page.getByRole('heading', { level: 1, name: demoCampaign.name }).waitFor();
      await page.getByTestId('campaign-report').waitFor();
      await page.getByTestId('report-roi').waitFor();
      await expect.poll(() => page.locator('[data-testid="report-daily-chart"] path.recharts-line-curve').count()).toBeGreaterThan(0);
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await page.getByTestId('campaign-status-buttons').count()).toBe(0);
      expect(await page.getByTestId('campaign-claims').count()).toBe(0);

      // The edit URL itself is refused.
      await page.goto(`/admin/campaigns/${encodeURIComponent(demoCampaign.id)}`);
      await page.getByText('Access denied').first().waitFor();
      expect(await page.getByTestId('targeting-builder').count()).toBe(0);
    });
  });

  it('a brand manager manages claims; the campaign pages fit a phone and a desktop', async () => {
    for (const [name, viewport] of [
      ['campaign-pages-390', { width: 390, height: 844 }],
      ['campaign-pages-1280', { width: 1280, height: 900 }],
    ] as const) {
      await browse(
        name,
        async (page) => {
          await logIn(page, 'brand@demo.sway');
          await page.goto(`/admin/campaigns/${encodeURIComponent(demoCampaign.id)}/show`);
          await page.getByTestId('campaign-report').waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
          await page.goto('/admin/campaigns/create');
          await page.getByTestId('audience-size').waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
          // Editing an ACTIVE campaign: the form says to pause it first.
          await page.goto(`/admin/campaigns/${encodeURIComponent(demoCampaign.id)}`);
          await page.getByTestId('audience-size').waitFor();
          await page.getByText('pause it first').waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
          await page.goto('/admin/campaigns');
          await page.getByText(demoCampaign.name).first().waitFor();
          expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
        },
        { viewport },
      );
    }
    // Claims: ship one the demo left CLAIMED.
    await browse('campaign-claims', async (page) => {
      await logIn(page, 'brand@demo.sway');
      await page.goto(`/admin/campaigns/${encodeURIComponent(demoCampaign.id)}/show`);
      const claims = page.getByTestId('campaign-claims');
      await claims.waitFor();
      const ship = claims.getByRole('button', { name: 'Mark shipped' });
      const before = await ship.count();
      expect(before).toBeGreaterThan(0);
      await ship.first().click();
      await expect.poll(() => ship.count()).toBe(before - 1);
    });
  });

  it('a brand manager edits a draft: the audience follows the highest score, and the change is saved', async () => {
    const drafts = (await server.gql(`{ campaigns(first: 20, filter: { status: DRAFT }) { nodes { id name target { minScore maxScore networks regions minAuthenticity topics { slug } } } } }`)).data.campaigns
      .nodes as { id: string; name: string; target: { minScore: number; maxScore: number; networks: string[]; regions: string[]; minAuthenticity: number; topics: { slug: string }[] } }[];
    const draft = drafts[0];
    expect(draft).toBeDefined();
    const target = { ...draft.target, topics: draft.target.topics.map((t) => t.slug) };
    const max = draft.target.maxScore - 10;
    await browse('campaign-edit', async (page) => {
      await logIn(page, 'brand@demo.sway');
      await page.goto(`/admin/campaigns/${encodeURIComponent(draft.id)}`);
      const highest = page.getByTestId('target-score-range').getByRole('slider', { name: 'Highest score' });
      await highest.waitFor();
      await expect.poll(() => audienceSize(page).catch(() => -1)).toBe(await previewSize(target));
      await highest.focus();
      await highest.press('PageDown');
      expect(Number(await highest.getAttribute('aria-valuenow'))).toBe(max);
      await expect.poll(() => audienceSize(page)).toBe(await previewSize({ ...target, maxScore: max }));
      await page.getByLabel('Name *').fill(`${draft.name} (edited)`);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: `${draft.name} (edited)` }).waitFor();
      await page.getByTestId('campaign-targeting').getByText(`${draft.target.minScore} to ${max}`).waitFor();
    });
    const saved = await server.gql(`query($id: ID!) { campaign(id: $id) { name target { maxScore } } }`, { id: draft.id });
    expect(saved.data.campaign).toEqual({ name: `${draft.name} (edited)`, target: { maxScore: max } });
  });
});
