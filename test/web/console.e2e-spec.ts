import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '@gesit/identity';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { TEST_DATABASE_URL } from '../harness/env';
import { makePdf } from '../harness/files';
import { DESKTOP, ensureWebBuild, launchChromium, newPage, PHONE, screenshot, signIn, WEB_DIR } from './browser';

// The console against the real API and worker, on a database of its own seeded with the demo organisation.
const DB_NAME = `gesit_test_web_${process.pid}`;

function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await client.end();
}

const person = (key: string) => DEMO_PEOPLE.find((p) => p.key === key) as (typeof DEMO_PEOPLE)[number];
const clerk = person('tata-usaha');
const head = person('kadis');
const division = person('kabid-ikp');
const staff = person('pranata-humas');
const admin = person('admin');

jest.setTimeout(180_000);

describe('the web console, clicked through in Chromium', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  const subject = `Undangan rapat koordinasi SPBE ${Date.now().toString(36)}`;
  const number = `005/${Date.now().toString(36).toUpperCase()}/BAPPEDA/2026`;
  let letterPath = '';

  beforeAll(async () => {
    ensureWebBuild();
    await dropDatabase();
    const env = {
      DATABASE_URL: databaseUrl(DB_NAME),
      DATABASE_CREATE_IF_MISSING: 'true',
      MIGRATIONS_RUN_ON_START: 'true',
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000',
      WEB_DIR,
    };
    api = await startTestApi({ env });
    worker = await startTestWorker({ ...env, MIGRATIONS_RUN_ON_START: 'false' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await dropDatabase();
  });

  it('serves the console at / and at any page path, and keeps the API paths the API’s', async () => {
    const home = await fetch(`${api.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(`${api.url}/letters/whatever`);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${api.url}/health/live`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${api.url}/files/nothing/here/at/all`)).status).toBe(404);
    expect((await fetch(`${api.url}/verify/NOPE`)).headers.get('content-type')).not.toContain('text/html; charset=utf-8; console');
  });

  it('lets the clerk register an incoming letter by dragging the scan in, warns about a duplicate, and shows the agenda number', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, clerk.nip, DEMO_PASSWORD, '/register');
    await page.getByRole('heading', { name: 'Registrasi surat masuk' }).waitFor();
    await dropPdf(page, 'undangan-spbe.pdf', await makePdf('Undangan rapat koordinasi SPBE', 2));
    await page.getByText('Berkas terunggah: undangan-spbe.pdf').waitFor();
    await fillLetter(page);
    await screenshot(page, 'clerk-register');
    await page.getByRole('button', { name: 'Registrasikan' }).click();
    const done = page.getByTestId('registered');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/nomor agenda \d{4}\/DISKOMINFO/);

    // The same letter again: the clerk is warned before anything is saved, and can back out.
    await page.getByRole('button', { name: 'Registrasi surat lain' }).click();
    await dropPdf(page, 'undangan-spbe.pdf', await makePdf('Undangan rapat koordinasi SPBE', 2));
    await page.getByText('Berkas terunggah: undangan-spbe.pdf').waitFor();
    await fillLetter(page);
    await page.getByRole('button', { name: 'Registrasikan' }).click();
    await page.getByTestId('duplicate-warning').waitFor();
    expect(await page.getByTestId('duplicate-warning').textContent()).toContain(number);
    await screenshot(page, 'clerk-duplicate-warning');
    await page.getByRole('button', { name: 'Batal' }).click();

    await page.getByRole('link', { name: 'Buku agenda' }).first().click();
    await page.getByLabel('Cari').fill('SPBE');
    await page.getByTestId('registry-row').filter({ hasText: subject }).waitFor();
    expect(await page.getByTestId('registry-row').count()).toBe(1);
    await screenshot(page, 'clerk-registry');
    await context.close();

    async function fillLetter(p: Page) {
      await p.getByLabel('Nomor surat').fill(number);
      await p.getByLabel('Tanggal surat').fill('20 November 2026');
      await p.getByLabel('Pengirim').fill('Bappeda Kabupaten');
      await p.getByLabel('Perihal').fill(subject);
      await p.getByRole('textbox', { name: 'Kode klasifikasi' }).fill('000.1.1');
      await p.getByRole('option', { name: /000.1.1/ }).click();
      await p.getByRole('textbox', { name: 'Ditujukan kepada' }).fill('Hendra');
      await p.getByRole('option', { name: /Hendra Wijaya/ }).click();
      await p.keyboard.press('Escape');
    }
  });

  it('lets the head enrol TOTP, read the letter with its PDF, and dispose it to a head of division', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, head.email, DEMO_PASSWORD);
    const row = page.getByTestId('inbox-row').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.locator('[data-sla]').getAttribute('data-sla')).toBe('ON_TRACK');
    await screenshot(page, 'head-inbox');
    await row.getByRole('link', { name: subject }).click();
    await page.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
    letterPath = new URL(page.url()).pathname;
    await page.getByTestId('my-assignment').getByText('Dibaca').waitFor();
    await screenshot(page, 'head-letter');
    await page.getByRole('button', { name: 'Teruskan / disposisikan' }).click();
    await page.getByRole('textbox', { name: 'Penerima' }).click();
    await page.getByRole('option', { name: /Agus Setiawan/ }).click();
    await page.getByLabel('Catatan').fill('Mohon dihadiri dan dilaporkan hasilnya.');
    await screenshot(page, 'head-dispose');
    await page.getByRole('button', { name: 'Kirim disposisi' }).click();
    await page.getByText('Disposisi terkirim.').waitFor();
    await page.getByTestId('current-holders').getByText('Agus Setiawan').waitFor();
    await context.close();
  });

  it('lets the head of division forward the letter to a member of staff', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, division.nip, DEMO_PASSWORD, letterPath);
    await page.getByRole('button', { name: 'Teruskan / disposisikan' }).click();
    await page.getByRole('textbox', { name: 'Penerima' }).fill('Rina');
    await page.getByRole('option', { name: /Rina Marlina/ }).click();
    await page.getByRole('button', { name: 'Kirim disposisi' }).click();
    await page.getByText('Disposisi terkirim.').waitFor();
    await page.getByTestId('current-holders').getByText('Rina Marlina').waitFor();
    await screenshot(page, 'division-forwarded');
    await context.close();
  });

  it('lets the member of staff start and complete the work, and the timeline tells the story in words', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, staff.email, DEMO_PASSWORD);
    await page.getByTestId('inbox-row').filter({ hasText: subject }).getByRole('link').click();
    await page.getByRole('button', { name: 'Mulai kerjakan' }).click();
    await page.getByTestId('my-assignment').getByText('Dikerjakan').waitFor();
    await page.getByRole('button', { name: 'Laporkan selesai' }).click();
    await page.getByLabel('Catatan penyelesaian').fill('Sudah hadir; notulen terlampir di sistem.');
    await page.getByRole('dialog').getByRole('button', { name: 'Laporkan selesai' }).click();
    await page.getByText('Tugas dilaporkan selesai.').waitFor();
    await page.getByTestId('my-assignment').waitFor({ state: 'detached' });
    const timeline = (await page.getByTestId('timeline').textContent()) as string;
    expect(timeline).toContain('Rina Marlina');
    expect(timeline).toMatch(
      /\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}, \d{2}\.\d{2} WIB/,
    );
    await screenshot(page, 'staff-completed');
    await context.close();
  });
});

/** Drops a file on the dropzone as a person dragging it from the file manager would. */
async function dropPdf(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, filename }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], filename, { type: 'application/pdf' }));
      return dt;
    },
    { base64: bytes.toString('base64'), filename: name },
  );
  const zone = page.getByTestId('dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

export { DESKTOP, PHONE };
