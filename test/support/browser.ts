import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, seedDemoUsers } from '../../server/db/seed/demo-users';
import { startOfUtcDay } from '../../server/db/seed/demo-world';
import { seedDemoWorld, type SeedDemoResult } from '../../server/db/seed/seed-demo';
import { systemContext, type RequestContext } from '../../server/services/request-context';
import { startTestServer, type TestServer } from './server';

/**
 * Real Chromium for the console's browser tests: the console built when its sources changed,
 * a fresh context per test, a screenshot whatever happens, and a failure on any console error,
 * page error or request that leaves the machine.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');
const ADMIN_DIST = path.join(REPO_ROOT, 'admin', 'dist');
export const ARTIFACTS = path.join(REPO_ROOT, 'test', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

let building: Promise<void> | undefined;

/** Builds the console when there is no build, or when a source is newer than the build. */
export function ensureAdminBuilt(): Promise<void> {
  building ??= (async () => {
    const built = path.join(ADMIN_DIST, 'index.html');
    if (fs.existsSync(built) && fs.existsSync(path.join(ADMIN_DIST, 'explorer.html')) && newestSource() <= fs.statSync(built).mtimeMs) return;
    const code = await new Promise<number | null>((resolve, reject) => {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      const build = spawn('npx', ['vite', 'build', '--config', 'admin/vite.config.mts'], {
        cwd: REPO_ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      build.on('error', reject);
      build.on('close', resolve);
    });
    if (code !== 0) throw new Error(`vite build of the console failed with exit code ${code}`);
  })();
  return building;
}

function newestSource(): number {
  const roots = ['admin/src', 'admin/public', 'admin/index.html', 'admin/explorer.html', 'admin/vite.config.mts', 'shared'].map((p) => path.join(REPO_ROOT, p));
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) fs.readdirSync(p).forEach((entry) => visit(path.join(p, entry)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  roots.forEach(visit);
  return newest;
}

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What the console keeps in localStorage after a login (admin/src/auth/session.ts). */
export interface ConsoleSession {
  token: string;
  expiresAt: string;
  email: string;
  role: string;
}

export interface BrowseOptions {
  baseURL: string;
  viewport?: { width: number; height: number };
  expectedConsoleErrors?: RegExp[];
  /** Start logged in as this session (skips the login page). */
  session?: ConsoleSession;
  acceptDownloads?: boolean;
}

/**
 * Opens a fresh browser context (no stored state), runs `body`, saves a screenshot whatever
 * happened, and fails on anything the page reported as wrong or any request that left the machine.
 */
export async function browse(browser: Browser, name: string, body: (page: Page, context: BrowserContext) => Promise<void>, options: BrowseOptions): Promise<void> {
  const { viewport = { width: 1280, height: 900 }, expectedConsoleErrors = [] } = options;
  const context = await browser.newContext({ viewport, baseURL: options.baseURL, acceptDownloads: options.acceptDownloads ?? false });
  context.setDefaultTimeout(15_000);
  if (options.session) {
    // Only when nothing is stored: a test that logs out stays logged out across navigations.
    await context.addInitScript(`if (!localStorage.getItem('sway.session') && !sessionStorage.getItem('sway.loggedOut')) localStorage.setItem('sway.session', ${JSON.stringify(JSON.stringify(options.session))});`);
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedConsoleErrors.some((expected) => expected.test(message.text()))) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOCAL_HOSTS.has(url.hostname)) {
      problems.push(`request to a non-local host: ${request.url()}`);
    }
  });
  try {
    await body(page, context);
  } finally {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => undefined);
    await context.close();
  }
  expect(problems).toEqual([]);
}

/** Logs in through the API and returns the session the console would store. */
export async function apiSession(url: string, email: string, password: string): Promise<ConsoleSession> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { email role } } }',
      variables: { email, password },
    }),
  });
  const body = (await res.json()) as { data?: { login: { token: string; expiresAt: string; user: { email: string; role: string } } }; errors?: unknown };
  if (!body.data) throw new Error(`login as ${email} failed: ${JSON.stringify(body.errors)}`);
  const { token, expiresAt, user } = body.data.login;
  return { token, expiresAt, email: user.email, role: user.role };
}

/** The console's browser tests' world: the demo world, its logins, and `backfillDays` of history. */
export interface DemoConsole {
  server: TestServer;
  browser: Browser;
  ctx: RequestContext;
  seeded: SeedDemoResult;
  /** The start of today (UTC), the demo world's anchor. */
  anchor: number;
}

/**
 * A real server on a fresh demo world with its demo logins, fully rescored (the detectors flag its
 * planted attacks) with `backfillDays` of daily history, the console built and Chromium started.
 */
export async function startDemoConsole(backfillDays: number): Promise<DemoConsole> {
  const built = ensureAdminBuilt();
  const server = await startTestServer('sqlite');
  const ctx = systemContext(server.app.db, 'seed');
  const anchor = startOfUtcDay(Date.now());
  const seeded = await seedDemoWorld(ctx, server.app.services.ingest, { anchor });
  await seedDemoUsers(ctx, server.app.services.auth, seeded.cast.influencers[0]);
  await server.app.services.scoring.rescoreAll(ctx, { backfillDays });
  await built;
  return { server, browser: await launchChromium(), ctx, seeded, anchor };
}

/** Logs in through the console's login page; with `landOnDashboard`, waits for the dashboard. */
export async function logInToConsole(page: Page, email: string, options: { password?: string; landOnDashboard?: boolean } = {}): Promise<void> {
  await page.goto('/admin/');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  if (options.landOnDashboard) await page.getByRole('heading', { name: 'Score distribution' }).waitFor();
}
