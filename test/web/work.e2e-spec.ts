import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Locator } from 'playwright-core';
import { DEMO_PASSWORD } from '@gesit/identity/testing';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { demoDatabase, demoPerson } from '../harness/demo';
import { makePdf } from '../harness/files';
import { loginAs } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { consoleEnv, ensureWebBuild, launchChromium, newPage, PHONE, screenshot, signIn } from './browser';

// The hybrid-work and leader screens against the real API and worker, on a database of their own seeded with the demo
// organisation: Rina Marlina (staff) reports to Agus Setiawan (head of division), who decides on his phone.
const database = demoDatabase(`gesit_test_work_${process.pid}`);
const ROOT = join(__dirname, '..', '..');

const person = demoPerson;
const staff = person('pranata-humas');
const division = person('kabid-ikp');
const clerk = person('tata-usaha');

jest.setTimeout(240_000);

describe('the hybrid-work and leader screens, clicked through in Chromium', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  const suffix = Date.now().toString(36);
  const taskTitle = `Siapkan bahan paparan SPBE ${suffix}`;
  const env = { ...consoleEnv(database.url), STORAGE_DIR: mkdtempSync(join(tmpdir(), 'gesit-work-files-')) };

  beforeAll(async () => {
    ensureWebBuild();
    await database.drop();
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

  it('lets a member of staff see the task board, create a task with a checklist, tick it, add a subtask and report progress', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, staff.email, DEMO_PASSWORD, '/tasks');
    // The demo's task from her head of division sits in its status column.
    await page.getByTestId('task-column-IN_PROGRESS').getByText('Liputan rapat koordinasi pimpinan daerah').waitFor();
    await screenshot(page, 'staff-task-board');

    await page.getByRole('button', { name: 'Tugas baru' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Judul tugas').fill(taskTitle);
    await dialog.getByLabel('Daftar periksa').fill('Kumpulkan data indeks SPBE\nSusun salindia paparan');
    await dialog.getByLabel('Perkiraan (menit)').fill('180');
    await screenshot(page, 'staff-task-new');
    await dialog.getByRole('button', { name: 'Buat tugas' }).click();
    await page.getByRole('heading', { name: taskTitle }).waitFor();
    expect(await page.getByTestId('task-progress').textContent()).toBe('0%');

    // A tick on the checklist moves the progress.
    await page.getByLabel('Kumpulkan data indeks SPBE').click();
    await expectText(page.getByTestId('task-progress'), '50%');

    await page.getByRole('button', { name: 'Subtugas baru' }).click();
    await page.getByRole('dialog').getByLabel('Judul tugas').fill(`Minta data dari bidang aplikasi ${suffix}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Buat tugas' }).click();
    await page.getByTestId('subtasks').getByText(`Minta data dari bidang aplikasi ${suffix}`).waitFor();

    // A move the status machine does not allow is refused with the API's words; the allowed one goes through.
    await page.getByRole('textbox', { name: 'Pindahkan ke status' }).click();
    await page.getByRole('option', { name: 'Selesai', exact: true }).click();
    await page.getByLabel('Catatan progres').fill('Bahan sudah lengkap.');
    await page.getByRole('button', { name: 'Kirim laporan progres' }).click();
    expect(await page.getByTestId('task-error').textContent()).toContain('tidak dapat diubah');
    await screenshot(page, 'staff-task-refused-move');

    await page.getByRole('textbox', { name: 'Pindahkan ke status' }).click();
    await page.getByRole('option', { name: 'Dikerjakan', exact: true }).click();
    await page.getByRole('textbox', { name: 'Tempat kerja' }).click();
    await page.getByRole('option', { name: 'Dari rumah' }).click();
    await page.getByLabel('Catatan progres').fill('Data indeks SPBE terkumpul; mulai menyusun salindia.');
    await page.locator('input[type=file]').setInputFiles({
      name: 'data-indeks-spbe.pdf',
      mimeType: 'application/pdf',
      buffer: await makePdf('Data indeks SPBE'),
    });
    await page.getByRole('button', { name: 'Kirim laporan progres' }).click();
    const updates = page.getByTestId('task-updates');
    await updates.getByText('Data indeks SPBE terkumpul; mulai menyusun salindia.').waitFor();
    await updates.getByText('data-indeks-spbe.pdf').waitFor();
    await updates.locator('[data-work-mode=HOME]').waitFor();
    await page.locator('[data-status=IN_PROGRESS]').first().waitFor();
    await screenshot(page, 'staff-task-detail');

    await page.getByRole('link', { name: 'Tugas', exact: true }).click();
    await page.getByText('Daftar', { exact: true }).click();
    const row = page.getByTestId('task-row').filter({ has: page.getByRole('link', { name: taskTitle, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Dikerjakan');
    await screenshot(page, 'staff-task-list');
    await context.close();
  });

  it('lets the member of staff fill today’s report, shows a refusal beside its field, and submits it with evidence', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, staff.nip, DEMO_PASSWORD, '/reports/today');
    await page.getByRole('heading', { name: 'Laporan harian hari ini' }).waitFor();
    const entry = page.getByTestId('report-entry').first();
    await entry.getByLabel('Mulai').fill('10:00');
    await entry.getByLabel('Selesai').fill('09:00');
    await entry.getByLabel('Kegiatan').fill('Menulis berita rapat koordinasi pimpinan daerah');
    await entry.getByRole('textbox', { name: 'Tugas' }).click();
    await page.getByRole('option', { name: 'Liputan rapat koordinasi pimpinan daerah' }).click();
    await page.getByRole('button', { name: 'Simpan konsep' }).click();
    // The end before the start: the API's words under the end time, not a banner.
    await entry.getByText('jam selesai 09:00 harus setelah jam mulai 10:00').waitFor();
    expect(await page.getByTestId('report-error').count()).toBe(0);
    await screenshot(page, 'staff-report-refused');

    await entry.getByLabel('Selesai').fill('11:30');
    await entry.getByLabel('Keluaran').fill('Berita terbit');
    await entry.getByLabel('Jumlah').fill('1');
    await entry.locator('input[type=file]').setInputFiles({
      name: 'tangkapan-berita.pdf',
      mimeType: 'application/pdf',
      buffer: await makePdf('Berita rapat koordinasi'),
    });
    await entry.getByTestId('evidence').getByText('tangkapan-berita.pdf').waitFor();
    await page.getByRole('button', { name: 'Simpan konsep' }).click();
    await page.locator('[data-testid=report-status][data-status=DRAFT]').waitFor();
    expect(await page.getByTestId('report-total').textContent()).toContain('90 menit');

    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('[data-testid=report-status][data-status=SUBMITTED]').waitFor();
    // Submitted: it stays as sent, evidence included, and can no longer be changed here.
    await page.getByTestId('report-entry').first().getByTestId('evidence').getByText('tangkapan-berita.pdf').waitFor();
    expect(await page.getByRole('button', { name: 'Kirim laporan' }).count()).toBe(0);
    await screenshot(page, 'staff-report-submitted');
    await context.close();
  });

  it('lets the member of staff request to work from home and choose how notifications reach her', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, staff.email, DEMO_PASSWORD, '/arrangements');
    await page.getByRole('textbox', { name: 'Mulai tanggal' }).fill(indonesianDate(daysFromNow(60)));
    await page.getByRole('textbox', { name: 'Sampai tanggal' }).fill(indonesianDate(daysFromNow(90)));
    await page.getByText('Rabu', { exact: true }).click();
    await page.getByLabel('Alasan').fill(`Merawat orang tua yang sedang sakit ${suffix}`);
    await screenshot(page, 'staff-arrangement-form');
    await page.getByRole('button', { name: 'Kirim pengajuan' }).click();
    const mine = page.getByTestId('arrangement-row').filter({ hasText: suffix });
    await mine.locator('[data-status=SUBMITTED]').waitFor();
    expect(await mine.textContent()).toContain('Dari rumah (Rabu)');
    await screenshot(page, 'staff-arrangements');

    // Other hours on the same days: a period the wrong way round is refused beside the end time.
    await page.getByText('Jam kerja', { exact: true }).click();
    await page.getByLabel('Jam mulai').fill('15:00');
    await page.getByLabel('Jam selesai').fill('07:00');
    await page.getByLabel('Alasan').fill(`Mengantar anak sekolah setiap Rabu ${suffix}`);
    await page.getByRole('button', { name: 'Kirim pengajuan' }).click();
    await page.getByText('Jam selesai 07:00 harus setelah jam mulai 15:00.').waitFor();
    expect(await page.getByTestId('arrangement-error').count()).toBe(0);
    await screenshot(page, 'staff-arrangement-refused');
    await page.getByLabel('Jam selesai').fill('15:30');
    await page.getByRole('button', { name: 'Kirim pengajuan' }).click();
    await page.getByTestId('arrangement-row').filter({ hasText: 'Jam kerja: 15:00–15:30 (Rabu)' }).waitFor();

    await page.getByRole('link', { name: 'Pengaturan pemberitahuan' }).click();
    await page.getByLabel('Nomor ponsel (WhatsApp)').fill('0812 3456 7890');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Nomor ponsel tersimpan.').waitFor();
    const received = page.locator('[data-testid=preference-row][data-kind="disposition.received"]');
    // Work to do always shows in Gesit: that box cannot be cleared.
    expect(await received.getByRole('checkbox', { name: /^Di Gesit/ }).isDisabled()).toBe(true);
    expect(await received.getByRole('checkbox', { name: /^Di Gesit/ }).isChecked()).toBe(true);
    await received.getByRole('checkbox', { name: /^WhatsApp/ }).click();
    await waitChecked(received.getByRole('checkbox', { name: /^WhatsApp/ }));
    const signed = page.locator('[data-testid=preference-row][data-kind="letter.signed"]');
    await signed.getByRole('checkbox', { name: /^E-mail/ }).click();
    await waitChecked(signed.getByRole('checkbox', { name: /^E-mail/ }), false);
    // E-mail and WhatsApp in English from now on.
    await page.getByTestId('notice-language').getByText('English').click();
    await page.getByText('Bahasa pemberitahuan tersimpan.').waitFor();
    await screenshot(page, 'staff-notification-settings');

    // The choices are the API's, not only the page's: they are there after a reload.
    await page.reload();
    await waitChecked(
      page.locator('[data-testid=preference-row][data-kind="disposition.received"]').getByRole('checkbox', { name: /^WhatsApp/ }),
    );
    expect(
      await page
        .locator('[data-testid=preference-row][data-kind="letter.signed"]')
        .getByRole('checkbox', { name: /^E-mail/ })
        .isChecked(),
    ).toBe(false);
    expect(await page.getByLabel('Nomor ponsel (WhatsApp)').inputValue()).toMatch(/812/);
    expect(await page.getByTestId('notice-language').getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await context.close();
  });

  it('lets the head of division, on a phone, read the team workload, review reports, decide the request and give a task', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, api.url, division.nip, DEMO_PASSWORD, '/workload');
    const rina = page.getByTestId('workload-row').filter({ hasText: staff.name });
    await rina.waitFor();
    expect(await rina.textContent()).toMatch(/\d+ menunggu diperiksa/);
    expect(await rina.textContent()).toMatch(/Dilaporkan minggu ini: [\d,]+ jam/);
    await screenshot(page, 'phone-division-workload');

    await page.goto(`${api.url}/reports/review`);
    const reports = page.getByTestId('review-report').filter({ hasText: staff.name });
    await reports.first().waitFor();
    const before = await reports.count();
    expect(before).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'phone-division-reports-to-review');
    // Returning asks for a note; approving does not.
    const first = reports.first();
    expect(await first.getByRole('button', { name: 'Kembalikan' }).isDisabled()).toBe(true);
    await first.getByLabel(/^Catatan/).fill('Lengkapi keluaran kegiatan dengan tautan berita.');
    await first.getByRole('button', { name: 'Kembalikan' }).click();
    await page.getByText(`Laporan ${staff.name} dikembalikan.`).waitFor();
    await waitCount(reports, before - 1);
    await reports.first().getByRole('button', { name: 'Setujui' }).click();
    await page.getByText(`Laporan ${staff.name} disetujui.`).waitFor();
    await waitCount(reports, before - 2);

    await page.goto(`${api.url}/arrangements`);
    const home = page.getByTestId('arrangement-request').filter({ hasText: suffix }).filter({ hasText: 'Dari rumah' });
    await home.waitFor();
    await screenshot(page, 'phone-division-arrangement-request');
    await home.getByRole('button', { name: 'Setujui pengajuan' }).click();
    await page.getByText(`Pengajuan ${staff.name} disetujui.`).waitFor();
    await home.waitFor({ state: 'detached' });
    // A rejection needs its reason: the API's refusal is shown on the card, then the reason sends it.
    const hours = page.getByTestId('arrangement-request').filter({ hasText: suffix }).filter({ hasText: 'Jam kerja' });
    await hours.getByRole('button', { name: 'Tolak pengajuan' }).click();
    await hours.getByText('Tuliskan alasan penolakan pengajuan').waitFor();
    await hours.getByLabel('Catatan keputusan').fill('Rapat pimpinan setiap Rabu pukul 15.00; ajukan hari lain.');
    await hours.getByRole('button', { name: 'Tolak pengajuan' }).click();
    await page.getByText(`Pengajuan ${staff.name} ditolak.`).waitFor();
    await hours.waitFor({ state: 'detached' });

    // A task for someone below, chosen with the people picker.
    await page.goto(`${api.url}/tasks`);
    await page.getByRole('button', { name: 'Tugas baru' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Judul tugas').fill(`Liput peluncuran aplikasi layanan ${suffix}`);
    await dialog.getByRole('textbox', { name: 'Pelaksana' }).fill('Rina');
    await page.getByRole('option', { name: /Rina Marlina/ }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'phone-division-task-new');
    await dialog.getByRole('button', { name: 'Buat tugas' }).click();
    await page.getByRole('heading', { name: `Liput peluncuran aplikasi layanan ${suffix}` }).waitFor();
    expect(await page.getByTestId('task-people').textContent()).toMatch(
      /^Diberikan oleh Agus Setiawan\b.* kepada Rina Marlina(, [A-Z][\w.]*\.)*$/,
    );
    await screenshot(page, 'phone-division-task');
    await context.close();
  });

  it('draws a letter’s PDF in React’s development build, where StrictMode runs every effect twice', async () => {
    const devDir = join(ROOT, 'dist', 'web-dev');
    execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--outDir', devDir, '--mode', 'development'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: 'ignore',
    });
    // The development build of React is the one that double-runs effects: make sure that is what is served.
    const assets = readdirSync(join(devDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.some((f) => readFileSync(join(devDir, 'assets', f), 'utf8').includes('Download the React DevTools'))).toBe(true);

    const devApi = await startTestApi({ env: { ...env, WEB_DIR: devDir, MIGRATIONS_RUN_ON_START: 'false', SEED_DEMO: 'false' } });
    try {
      const clerkSession = await loginAs(devApi, clerk.email, DEMO_PASSWORD);
      const found = await devApi.gqlOk<any>(
        'query($s: String) { people(filter: { search: $s }, first: 1) { edges { node { id } } } }',
        { s: staff.nip },
        clerkSession.accessToken,
      );
      const subject = `Undangan sosialisasi SPBE ${suffix}`;
      const letter = await registerIncomingLetter(devApi, clerkSession.accessToken, {
        subject,
        addresseeIds: [found.people.edges[0].node.id],
      });
      const { context, page } = await newPage(browser);
      await signIn(page, devApi.url, staff.email, DEMO_PASSWORD, `/letters/${letter.id}`);
      await page.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
      await screenshot(page, 'dev-build-letter-pdf');
      await context.close();
    } finally {
      await devApi.close();
    }
  });
});

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor();
}

/** The box shows the state the API answered with (it follows the saved choice, not the click). */
async function waitChecked(locator: Locator, checked = true): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    if ((await locator.isChecked()) === checked) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the box stayed ${checked ? 'unticked' : 'ticked'}`);
}

async function waitCount(locator: Locator, count: number): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    if ((await locator.count()) === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${count}, still ${await locator.count()}`);
}

const daysFromNow = (days: number): Date => new Date(Date.now() + days * 86_400_000);

/** "3 Desember 2026": what a person types into a date field of the console. */
function indonesianDate(date: Date): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(date);
}
