import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/roles';
import { systemContext } from '../../server/services/request-context';
import { createTestUser, TEST_PASSWORD } from '../support/auth';
import { apiSession, ARTIFACTS, browse as browseAs, ensureAdminBuilt, launchChromium, type BrowseOptions, type ConsoleSession } from '../support/browser';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The built console and query explorer in a real browser (Debian's Chromium, headless) against
 * the real server over a fresh SQLite database holding one small ingested world. Every test fails
 * on a console error, an uncaught page error, or a request to any host but this machine, and
 * leaves a screenshot in test/e2e/artifacts/.
 */

const INGEST = `mutation Ingest($input: IngestInput!) {
  ingest(input: $input) { people { created } accounts { created } content { created } interactions { created } }
}`;

/** 12 people: with 5 a page, the people list has three pages, the last one short. */
const world = smallWorld('e2e', 12, 3);

let server: TestServer;
let browser: Browser;
/** An ADMIN's login, stored in the browser before each page loads. */
let session: ConsoleSession;
/** Display names in the API's own DISPLAY_NAME order (the database's collation, not JavaScript's). */
let namesInOrder: string[];

function browse(name: string, body: (page: Page) => Promise<void>, options: Omit<BrowseOptions, 'baseURL' | 'session'> = {}): Promise<void> {
  return browseAs(browser, name, body, { ...options, baseURL: server.url, session });
}

/** Lists load over the network on a shared, busy machine: poll for up to 10 s, not vitest's 1 s. */
const LIST_POLL = { timeout: 10_000 };

/** A titled section (card) of a show page. */
function section(page: Page, title: string) {
  return page.locator('.MuiCard-root', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** The names in the people list's visible rows. */
async function visibleNames(page: Page): Promise<string[]> {
  return page.locator('.RaDataTable-tbody .column-displayName').allInnerTexts();
}

describe('admin console and query explorer in Chromium', () => {
  beforeAll(async () => {
    await ensureAdminBuilt();
    server = await startTestServer('sqlite');
    const ingested = await server.gql(INGEST, { input: asGraphQLInput(world) });
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data.ingest.people.created).toBe(world.people!.length);
    const ordered = await server.gql(`{ people(first: 100, orderBy: { field: DISPLAY_NAME, direction: ASC }) { nodes { displayName } } }`);
    namesInOrder = ordered.data.people.nodes.map((n: { displayName: string }) => n.displayName);
    // Stored scores: lists show each person's score, which would otherwise be computed on first read.
    await server.app.services.scoring.rescoreAll(systemContext(server.app.db, 'test'));
    await createTestUser(server, { email: 'console@test.sway', role: Role.ADMIN });
    session = await apiSession(server.url, 'console@test.sway', TEST_PASSWORD);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the dashboard shows how many people, accounts, content and interactions there are', async () => {
    await browse('dashboard', async (page) => {
      await page.goto('/admin/');
      await expect.poll(() => page.getByTestId('total-people').innerText(), { timeout: 15_000 }).toBe(String(world.people!.length));
      expect(await page.getByTestId('total-accounts').innerText()).toBe(String(world.accounts!.length));
      expect(await page.getByTestId('total-content').innerText()).toBe(String(world.content!.length));
      expect(await page.getByTestId('total-interactions').innerText()).toBe(String(world.interactions!.length));
      // The newest content is listed too (every person's "post 0" is equally new).
      await page.getByText(/^post 0 by \d+$/).first().waitFor();
    });
  });

  it('the people list shows rows and the name search narrows them', async () => {
    await browse('people-search', async (page) => {
      await page.goto('/admin/people');
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder);
      await page.getByPlaceholder('Name starts with…').fill('Person e2e 1');
      const expected = namesInOrder.filter((name) => name.startsWith('Person e2e 1'));
      expect(expected.length).toBeGreaterThan(1);
      expect(expected.length).toBeLessThan(namesInOrder.length);
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(expected);
      expect(page.url()).toContain('search');
    });
  });

  it('pages the people list forwards and back with cursors, and opens a later page directly', async () => {
    await browse('people-paging', async (page) => {
      await page.goto('/admin/people?perPage=5&sort=displayName&order=ASC');
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder.slice(0, 5));
      await page.getByText(`1-5 of ${namesInOrder.length}`).waitFor();
      await page.getByRole('combobox', { name: /rows per page/i }).getByText('5', { exact: true }).waitFor();
      const next = page.getByRole('button', { name: 'Go to next page' });
      const previous = page.getByRole('button', { name: 'Go to previous page' });
      expect(await previous.isDisabled()).toBe(true);

      await next.click();
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder.slice(5, 10));
      await next.click();
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder.slice(10));
      expect(await next.isDisabled()).toBe(true);
      await previous.click();
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder.slice(5, 10));
      await previous.click();
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder.slice(0, 5));

      // A fresh page load on page 3 has learned no cursor: the data provider walks to it.
      await page.goto('/admin/people?perPage=5&page=3&sort=displayName&order=ASC');
      await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder.slice(10));
    });
  });

  it("a person's page shows their accounts and latest content, which links to the content", async () => {
    await browse('person-show-content', async (page) => {
      await page.goto('/admin/people');
      await page.locator('.RaDataTable-tbody .column-displayName', { hasText: /^Person e2e 0$/ }).click();
      await page.waitForURL(/\/admin\/people\/[^/]+\/show$/);
      await page.getByRole('heading', { level: 1, name: 'Person e2e 0', exact: true }).waitFor();
      const accounts = section(page, 'Accounts');
      await accounts.getByText('@e2e0', { exact: true }).waitFor();
      await accounts.getByText('e2e0.example.org', { exact: true }).waitFor();
      const latest = section(page, 'Latest content');
      for (let k = 0; k < 3; k++) await latest.getByText(`post ${k} by 0`).waitFor();
      // Each post was liked once and replied to once.
      expect(await latest.getByRole('group', { name: '2 interactions' }).count()).toBe(3);
      await page.screenshot({ path: path.join(ARTIFACTS, 'person-show-person.png'), fullPage: true });

      await latest.getByText('post 0 by 0').click();
      await page.waitForURL(/\/admin\/content\/[^/]+\/show$/);
      await page.getByRole('heading', { level: 1, name: 'Post by @e2e0', exact: true }).waitFor();
      await page.getByText('Basketball', { exact: true }).waitFor();
      // Liked by the next person (@e2e1), replied to by the one after (@e2e2).
      await page.getByText('2 interactions').waitFor();
      await page.getByRole('cell', { name: 'Like' }).waitFor();
      await page.getByRole('cell', { name: 'Reply' }).waitFor();
    });
  });

  it('the explorer runs a query against /graphql with nothing loaded from outside', async () => {
    await browse('explorer', async (page) => {
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      let fellBackToMainThread = false;
      page.on('console', (message) => {
        if (/Could not create web worker/.test(message.text())) fellBackToMainThread = true;
      });
      await page.goto('/explorer/');
      const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await queryEditor.waitFor({ timeout: 30_000 });
      await queryEditor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      // insertText types as one edit, so Monaco's bracket auto-closing adds nothing.
      await page.keyboard.insertText('{ people(first: 1) { totalCount } }');
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await response.getByText('"totalCount"').waitFor();
      await expect.poll(async () => (await response.innerText()).replace(/\s+/g, ''), LIST_POLL).toContain(`"totalCount":${world.people!.length}`);
      // The schema docs come from introspection, also served locally.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
      // Monaco's language services run in the bundled workers, served from this server.
      await expect.poll(() => workers.some((url) => /graphql\.worker/.test(url)), LIST_POLL).toBe(true);
      expect(workers.every((url) => url.startsWith(server.url))).toBe(true);
      expect(fellBackToMainThread).toBe(false);
    });
  });

  it('interactions, accounts and content filter by kind and network; a topic shows its neighbours and content', async () => {
    await browse('other-lists', async (page) => {
      const rows = page.locator('.RaDataTable-tbody tr');
      const pick = async (filter: string, option: string) => {
        await page.getByRole('combobox', { name: filter }).click();
        await page.getByRole('option', { name: option, exact: true }).click();
      };

      await page.goto('/admin/interactions');
      await pick('Kind', 'Follow');
      await expect.poll(() => rows.count(), LIST_POLL).toBe(world.people!.length);
      expect(new Set(await page.locator('.RaDataTable-tbody .column-kind').allInnerTexts())).toEqual(new Set(['Follow']));

      await page.goto('/admin/accounts');
      await pick('Network', 'Blog');
      await expect.poll(() => rows.count(), LIST_POLL).toBe(world.people!.length);
      expect((await page.locator('.RaDataTable-tbody .column-handle').allInnerTexts()).every((h) => h.endsWith('.example.org'))).toBe(true);

      // This world has no comments: the filtered list says so and offers to clear the filter.
      await page.goto('/admin/content');
      await pick('Kind', 'Comment');
      await page.getByText(/No Content found using the current filters/).waitFor();

      await page.goto('/admin/topics');
      await page.getByPlaceholder('Name starts with…').fill('Basketb');
      await page.locator('.RaDataTable-tbody .column-displayName', { hasText: /^Basketball$/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Basketball', exact: true }).waitFor();
      await section(page, 'Narrower topics').getByText('NBA', { exact: true }).waitFor();
      expect(await section(page, 'Broader topics').locator('.MuiChip-root').count()).toBeGreaterThan(0);
      // Every post in this world is about basketball; the newest come first, five a page.
      await expect.poll(() => section(page, 'Content about it').locator('.RaDataTable-tbody tr').count(), LIST_POLL).toBe(5);
      await section(page, 'Content about it').getByText(`1-5 of ${world.content!.length}`).waitFor();
    });
  });

  it('content opened with an author filter shows that author, fetched by nodes(ids:)', async () => {
    // As the console (logged in as the test ADMIN) sees them: region is shown to the person and to ADMINs only.
    const found = await server.gql(`{ people(first: 1, filter: { search: "Person e2e 3" }) { nodes { id region } } }`);
    const author = found.data.people.nodes[0] as { id: string; region: string | null };
    await browse('content-by-author', async (page) => {
      const manyRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/graphql') && request.postData()?.includes('nodes(ids:')) manyRequests.push(request.postData()!);
      });
      const filter = encodeURIComponent(JSON.stringify({ authorId: author.id }));
      const displayed = encodeURIComponent(JSON.stringify({ authorId: true }));
      await page.goto(`/admin/content?filter=${filter}&displayedFilters=${displayed}`);
      await expect.poll(() => page.getByRole('combobox', { name: 'Author' }).inputValue(), LIST_POLL).toBe(author.region ? `Person e2e 3 (${author.region})` : 'Person e2e 3');
      expect(manyRequests.length).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.RaDataTable-tbody tr').count(), LIST_POLL).toBe(world.content!.length / world.people!.length);
      expect(new Set(await page.locator('.RaDataTable-tbody .column-author\\.handle').allInnerTexts())).toEqual(new Set(['@e2e3']));
    });
  });

  it('the console works at phone width', async () => {
    await browse(
      'people-phone',
      async (page) => {
        await page.goto('/admin/people');
        // SimpleList puts the "2 acct." beside the name in the same element, hence no exact match.
        await page.getByText(namesInOrder[0]).first().waitFor();
        // Phones get a simple list, not a table that would overflow.
        expect(await page.locator('.RaSimpleList-tertiary').count()).toBe(namesInOrder.length);
        expect(await page.locator('.RaDataTable-root').count()).toBe(0);
      },
      { viewport: { width: 390, height: 844 } },
    );
  });

  it('says plainly when the API cannot be reached, and retries', async () => {
    await browse(
      'api-unreachable',
      async (page) => {
        await page.route('**/graphql', (route) => route.abort('connectionrefused'));
        await page.goto('/admin/people');
        await page.locator('#main-content').getByRole('alert').getByText(/Cannot reach the Sway API/).waitFor();
        // Said once, in place of the rows: no toast repeating it.
        expect(await page.getByText(/Cannot reach the Sway API/).count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Go to next page' }).count()).toBe(0);
        await page.screenshot({ path: path.join(ARTIFACTS, 'api-unreachable-error.png') });
        await page.unroute('**/graphql');
        await page.getByRole('button', { name: 'Retry' }).click();
        await expect.poll(() => visibleNames(page), LIST_POLL).toEqual(namesInOrder);
      },
      // The browser itself logs each refused request.
      { expectedConsoleErrors: [/Failed to load resource/] },
    );
  });
});
