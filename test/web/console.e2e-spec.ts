import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@gesit/identity/testing';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { demoDatabase, demoPerson } from '../harness/demo';
import { makePdf, uploadPdf } from '../harness/files';
import { loginAs } from '../harness/identity';
import { consoleEnv, ensureWebBuild, filledValue, launchChromium, newPage, PHONE, screenshot, signIn, type StorageState } from './browser';

// The console against the real API and worker, on a database of its own seeded with the demo organisation.
const database = demoDatabase(`gesit_test_web_${process.pid}`);

const person = demoPerson;
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
  // Signed-in browser storage (the refresh token) of the leaders, reused the way a person reopens the console.
  const saved = new Map<string, StorageState>();

  beforeAll(async () => {
    ensureWebBuild();
    await database.drop();
    const env = consoleEnv(database.url);
    api = await startTestApi({ env });
    worker = await startTestWorker({ ...env, MIGRATIONS_RUN_ON_START: 'false' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await database.drop();
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
    saved.set('head', await context.storageState());
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
    saved.set('division', await context.storageState());
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

  describe('on a phone', () => {
    let draftSubject = '';
    // The head of division keeps the console open on the phone: notifications arrive there live.
    let divisionPage: Page;

    beforeAll(async () => {
      // A member of staff drafts a letter (composing in the console is a later screen) for the head of division to initial
      // and the head to sign.
      const drafter = await loginAs(api, staff.email, DEMO_PASSWORD);
      const { me } = await api.gqlOk('{ me { id } }', undefined, drafter.accessToken);
      const ids = new Map<string, string>();
      for (const p of [head, division]) {
        const found = await api.gqlOk(
          'query($s: String) { people(filter: { search: $s }, first: 1) { edges { node { id } } } }',
          { s: p.nip },
          drafter.accessToken,
        );
        ids.set(p.key, found.people.edges[0].node.id);
      }
      draftSubject = `Laporan pelaksanaan SPBE triwulan IV ${Date.now().toString(36)}`;
      const draftFileId = await uploadPdf(api, drafter.accessToken, draftSubject + ' ${ttd}');
      const { createOutgoingDraft } = await api.gqlOk(
        'mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }',
        {
          input: {
            kind: 'REPORT',
            subject: draftSubject,
            classificationCode: '000.1.1',
            securityLevel: 'PUBLIC',
            urgency: 'NORMAL',
            draftFileId,
            internalRecipientIds: [me.id],
          },
        },
        drafter.accessToken,
      );
      await api.gqlOk(
        'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id } }',
        { input: { letterId: createOutgoingDraft.id, reviewerIds: [ids.get(division.key)], signerId: ids.get(head.key) } },
        drafter.accessToken,
      );
    });

    it('lets the head of division initial the draft after reading its PDF, signed in again from the kept session', async () => {
      const { page } = await newPage(browser, { ...PHONE, storageState: saved.get('division') });
      divisionPage = page;
      await page.goto(`${api.url}/approvals`);
      const card = page.getByTestId('approval-step').filter({ hasText: draftSubject });
      await card.waitFor();
      await card.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
      await screenshot(page, 'phone-division-approval');
      await card.getByRole('button', { name: 'Setujui' }).click();
      await page.getByText('Keputusan tersimpan.').waitFor();
      await page.getByText('Tidak ada konsep yang menunggu keputusan Anda.').waitFor();
    });

    it('lets the head sign, read the SLA dashboard, and appoint a Plh whose phone hears of it at once', async () => {
      const { context, page } = await newPage(browser, { ...PHONE, storageState: saved.get('head') });
      await page.goto(`${api.url}/approvals`);
      const card = page.getByTestId('approval-step').filter({ hasText: draftSubject });
      await card.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
      expect(await card.textContent()).toContain('Disetujui');
      await screenshot(page, 'phone-head-sign');
      await card.getByRole('button', { name: 'Tandatangani' }).click();
      await page.getByText('Keputusan tersimpan.').waitFor();

      // The signed letter: its verification code opens the public verify page.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Buku agenda' }).click();
      await page.getByTestId('registry-row').filter({ hasText: draftSubject }).getByRole('link').click();
      await page.getByText('Ditandatangani').first().waitFor();
      const steps = (await page.getByTestId('approval-steps').textContent()) as string;
      expect(steps).toContain('Paraf — Agus Setiawan');
      expect(steps).toContain('Tanda tangan — Dr. Hendra Wijaya');
      const verify = page.locator('a[href^="/verify/"]');
      await verify.waitFor();
      await screenshot(page, 'phone-head-signed-letter');
      const verifyPage = await context.newPage();
      await verifyPage.goto(`${api.url}${await verify.getAttribute('href')}`);
      expect(await verifyPage.textContent('body')).toContain(draftSubject);
      await screenshot(verifyPage, 'public-verify-page');
      await verifyPage.close();

      await page.goto(`${api.url}/sla`);
      await page.getByTestId('person-chart').locator('.recharts-surface').first().waitFor();
      expect(Number(await page.getByTestId('sla-total').textContent())).toBeGreaterThanOrEqual(3);
      await screenshot(page, 'phone-head-sla-dashboard');

      const unreadBefore = await bellLabel(divisionPage);
      await page.goto(`${api.url}/delegations`);
      await page.getByRole('textbox', { name: 'Pelaksana' }).fill('Agus');
      await page.getByRole('option', { name: /Agus Setiawan/ }).click();
      await page.getByRole('textbox', { name: 'Berakhir' }).fill(indonesianDate(new Date(Date.now() + 3 * 86_400_000)));
      await page.getByRole('textbox', { name: 'Alasan' }).fill('Dinas luar ke Jakarta');
      await screenshot(page, 'phone-head-delegation-form');
      await page.getByRole('button', { name: 'Tunjuk Plh/Plt' }).click();
      await page.getByTestId('delegation-row').filter({ hasText: 'Agus Setiawan' }).waitFor();
      await screenshot(page, 'phone-head-delegations');
      await context.close();

      // No reload on the head of division's phone: the bell counts the notice and the toast shows it.
      await divisionPage.waitForFunction(
        `document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') !== ${JSON.stringify(unreadBefore)}`,
      );
      expect(await bellLabel(divisionPage)).toMatch(/[1-9]\d* belum dibaca/);
      await screenshot(divisionPage, 'phone-division-notified');
    });

    it('lets the Plh open the head’s inbox and act in the head’s name', async () => {
      const page = divisionPage;
      await page.goto(`${api.url}/delegations`);
      await page.getByText('Saat ini Anda bertindak sebagai Plh/Plt untuk').waitFor();
      await page.getByRole('link', { name: 'Buka kotak masuknya' }).click();
      const row = page.getByTestId('inbox-row').filter({ hasText: subject });
      await row.waitFor();
      await screenshot(page, 'phone-plh-inbox');

      // Disposing on the phone, in the head's name, to the other head of division.
      await row.getByRole('link', { name: subject }).click();
      await page.getByRole('button', { name: 'Teruskan / disposisikan' }).click();
      await page.getByRole('textbox', { name: 'Penerima' }).fill('Dewi');
      await page.getByRole('option', { name: /Dewi Lestari/ }).click();
      await page.getByLabel('Catatan').fill('Kepala Dinas sedang dinas luar; mohon dikoordinasikan.');
      await screenshot(page, 'phone-plh-dispose');
      await page.getByRole('button', { name: 'Kirim disposisi' }).click();
      await page.getByText('Disposisi terkirim.').waitFor();
      await page.getByTestId('current-holders').getByText('Dewi Lestari').waitFor();
      expect(await page.getByText(/a\.n\. Dr\. Hendra Wijaya/).count()).toBeGreaterThan(0);
      await screenshot(page, 'phone-plh-letter');
      await page.context().close();
    });
  });

  it('lets the administrator keep the organisation: org chart, users, holidays, working hours, SLA policies, numbering, failed jobs', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, admin.email, DEMO_PASSWORD, '/admin/units');
    await page.getByTestId('org-chart').getByText('Dinas Komunikasi dan Informatika').first().waitFor();
    expect(await page.getByTestId('org-chart').textContent()).toContain('Kepala Bidang Aplikasi Informatika: Dewi Lestari');
    await screenshot(page, 'admin-units');

    await page.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByTestId('user-row').filter({ hasText: 'Siti Aminah' }).waitFor();
    await screenshot(page, 'admin-users');

    await page.getByRole('link', { name: 'Hari libur' }).click();
    await page.getByRole('textbox', { name: 'Tahun' }).fill('2027');
    await page.getByRole('textbox', { name: 'Tanggal' }).fill('17 Agustus 2027');
    await page.getByRole('textbox', { name: 'Nama' }).fill('Hari Kemerdekaan Republik Indonesia');
    await page.getByRole('button', { name: 'Tambah hari libur' }).click();
    await page.getByTestId('holiday-row').filter({ hasText: '17 Agustus 2027' }).waitFor();
    await screenshot(page, 'admin-holidays');

    await page.getByRole('link', { name: 'Jam kerja' }).click();
    expect(await filledValue(page, 'Mulai')).toMatch(/^\d{2}:\d{2}/);
    await screenshot(page, 'admin-working-hours');

    await page.getByRole('link', { name: 'Kebijakan SLA' }).click();
    await page.getByTestId('sla-policy-row').first().waitFor();
    expect(await page.getByTestId('sla-policy-row').count()).toBe(3);
    await screenshot(page, 'admin-sla-policies');

    await page.getByRole('link', { name: 'Format nomor surat' }).click();
    await page.getByRole('textbox', { name: 'Unit kerja' }).click();
    await page.getByRole('option', { name: 'Bidang Aplikasi Informatika' }).click();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: '{seq:4}' }).waitFor();
    await screenshot(page, 'admin-numbering');

    await page.getByRole('link', { name: 'Pekerjaan gagal' }).click();
    await page.getByTestId('no-failed-jobs').waitFor();
    await screenshot(page, 'admin-failed-jobs');

    // The English switch changes every text at once; signing out returns to the sign-in page.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Failed background jobs' }).waitFor();
    await page.getByRole('link', { name: 'Units and positions' }).waitFor();
    await page.getByRole('button', { name: 'ID' }).click();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Gesit' }).waitFor();
    await context.close();
  });
});

/** The bell's label, which says how many notifications are unread. */
async function bellLabel(page: Page): Promise<string> {
  return (await page.getByTestId('bell').getAttribute('aria-label')) ?? '';
}

/** "3 Desember 2026": what a person types into a date field of the console. */
function indonesianDate(date: Date): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(date);
}

/** Drops a file on the dropzone as a person dragging it from the file manager would. */
async function dropPdf(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, filename }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new (globalThis as any).DataTransfer();
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
