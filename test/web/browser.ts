import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { totpCode } from '@gesit/identity/testing';

const ROOT = join(__dirname, '..', '..');
export const WEB_DIR = join(ROOT, 'dist', 'web');
const SHOTS = join(ROOT, 'test-results', 'web');

/**
 * The settings of an API (and its worker) serving the console on a database of its own: created, migrated and
 * seeded with the demo organisation, with sign-in limits that a suite's many browser sign-ins stay under.
 */
export function consoleEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_CREATE_IF_MISSING: 'true',
    MIGRATIONS_RUN_ON_START: 'true',
    NODE_ENV: 'development',
    SEED_DEMO: 'true',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000',
    WEB_DIR,
  };
}

/** The console as `npm run build:web` leaves it; built here when a run starts without it. */
export function ensureWebBuild(): void {
  if (existsSync(join(WEB_DIR, 'index.html'))) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

/** Debian's chromium, headless: no browser is downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 900 } };

/** A screenshot of the whole page under test-results/web/, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const STEP_MS = 30_000;
// The last TOTP step used per account: a code is good once, so each sign-in takes the next step.
const lastStep = new Map<string, number>();
const secrets = new Map<string, string>();

async function nextCode(identifier: string): Promise<string> {
  const secret = secrets.get(identifier) as string;
  for (;;) {
    const current = Math.floor(Date.now() / STEP_MS);
    const step = Math.max(current, (lastStep.get(identifier) ?? -1) + 1);
    if (step <= current + 1) {
      lastStep.set(identifier, step);
      return totpCode(secret, new Date(step * STEP_MS));
    }
    await new Promise((r) => setTimeout(r, (current + 1) * STEP_MS - Date.now() + 50));
  }
}

/**
 * Signs in through the sign-in page as a person would: password, then (for leaders and admins) the TOTP
 * enrolment with its QR code and recovery codes on the first sign-in, or the code from the app after it.
 */
export async function signIn(page: Page, url: string, identifier: string, password: string, path = '/inbox'): Promise<void> {
  await page.goto(`${url}${path}`);
  // By keyboard alone: the field, Tab to the password, Enter to submit.
  await page.getByLabel('NIP atau e-mail').fill(identifier);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  const next = page.locator('[data-testid=totp-secret], input[autocomplete=one-time-code], [data-testid=bell]').first();
  await next.waitFor();
  if (await page.getByTestId('totp-secret').isVisible()) {
    const secret = (await page.getByTestId('totp-secret').textContent()) as string;
    secrets.set(identifier, secret);
    await page.getByLabel('Kode 6 digit dari aplikasi').fill(await nextCode(identifier));
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await screenshot(page, `sign-in-recovery-codes-${identifier.split('@')[0]}`);
    await page.getByRole('button', { name: /Saya sudah menyimpannya/ }).click();
    await page.getByLabel(/Kode 6 digit dari aplikasi autentikator/).waitFor();
  }
  if (await page.getByLabel(/Kode 6 digit dari aplikasi autentikator/).isVisible()) {
    await page.getByLabel(/Kode 6 digit dari aplikasi autentikator/).fill(await nextCode(identifier));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
  }
  await page.getByTestId('bell').waitFor();
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export async function newPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** The value of an input once it has one (forms fill in when their query answers). */
export async function filledValue(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label);
  for (let waited = 0; waited < 15_000; waited += 100) {
    const value = await input.inputValue();
    if (value) return value;
    await page.waitForTimeout(100);
  }
  throw new Error(`the field "${label}" stayed empty`);
}
