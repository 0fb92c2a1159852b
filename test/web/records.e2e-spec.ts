import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@gesit/identity/testing';
import { makeZip } from '../archive/zip-writer';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { demoDatabase, demoPerson } from '../harness/demo';
import { makePdf } from '../harness/files';
import { consoleEnv, ensureWebBuild, launchChromium, newPage, screenshot, signIn } from './browser';

// Drafting, letter templates and the clerk's archive screens, clicked through in Chromium against the real API and
// worker, on a database of their own seeded with the demo organisation (its archive included).
const database = demoDatabase(`gesit_test_records_${process.pid}`);

const person = demoPerson;
const admin = person('admin');
const staff = person('pranata-humas');
const division = person('kabid-ikp');
const head = person('kadis');
const secretary = person('sekretaris');
const clerk = person('tata-usaha');

// A 1×1 PNG: the logo of the letterhead.
const LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

jest.setTimeout(240_000);

describe('the records screens of the console, clicked through in Chromium', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  const tag = Date.now().toString(36);
  const subject = `Permohonan data layanan informasi publik ${tag}`;
  let draftPath = '';
  // People who act more than once keep their browser open, as they would keep the console open.
  const open = new Map<string, { context: BrowserContext; page: Page }>();

  async function as(key: string, identifier: string, path: string): Promise<Page> {
    const kept = open.get(key);
    if (kept) {
      await kept.page.goto(`${api.url}${path}`);
      return kept.page;
    }
    const session = await newPage(browser);
    await signIn(session.page, api.url, identifier, DEMO_PASSWORD, path);
    open.set(key, session);
    return session.page;
  }

  beforeAll(async () => {
    ensureWebBuild();
    await database.drop();
    const env = consoleEnv(database.url);
    api = await startTestApi({ env });
    // The worker reads the uploaded ZIP and manifest where the API stored them.
    worker = await startTestWorker({ ...env, MIGRATIONS_RUN_ON_START: 'false', STORAGE_DIR: api.config.storageDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const { context } of open.values()) await context.close();
    await browser?.close();
    await worker?.close();
    await api?.close();
    await database.drop();
  });

  it('lets the administrator give the unit’s letter template a logo, a place and F4 paper', async () => {
    const page = await as('admin', admin.email, '/admin/templates');
    await page.getByRole('textbox', { name: 'Unit kerja' }).click();
    await page.getByRole('option', { name: 'Dinas Komunikasi dan Informatika' }).click();
    const row = page.getByTestId('template-row').first();
    await row.waitFor();
    await row.getByRole('button', { name: 'Ubah templat' }).click();
    await page.getByLabel('Tempat penandatanganan').fill('Sleman');
    await page.getByRole('textbox', { name: 'Ukuran kertas' }).click();
    await page.getByRole('option', { name: /^F4/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Unggah logo (PNG/JPEG)' }).click();
    await (await chooser).setFiles({ name: 'logo-sleman.png', mimeType: 'image/png', buffer: LOGO });
    await page.getByTestId('template-logo').filter({ hasText: 'logo-sleman.png' }).waitFor();
    await screenshot(page, 'admin-template-form');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(/Templat ".*" tersimpan\./).waitFor();
    await page.getByTestId('template-row').filter({ hasText: 'F4' }).waitFor();
    await screenshot(page, 'admin-templates');
  });

  it('lets a member of staff compose a letter from the template, preview it, and submit it to a reviewer and a signer', async () => {
    const page = await as('staff', staff.email, '/drafts');
    await page.getByRole('link', { name: 'Konsep baru' }).click();
    // The other way in: an uploaded PDF, with the placeholders it must carry.
    await page.getByText('Unggah PDF').click();
    await page.getByTestId('placeholder-hint').filter({ hasText: '${ttd}' }).waitFor();
    await screenshot(page, 'drafting-upload-hint');
    await page.getByText('Susun dari templat').click();

    await page.getByRole('textbox', { name: /^Hal\b/ }).fill(subject);
    await page.getByRole('textbox', { name: 'Kode klasifikasi' }).fill('000.1.1');
    await page.getByRole('option', { name: /000.1.1/ }).click();
    await page.getByRole('textbox', { name: 'Sifat' }).click();
    await page.getByRole('option', { name: 'Segera', exact: true }).click();
    await page.getByRole('textbox', { name: 'Penerima di instansi' }).fill('Siti');
    await page.getByRole('option', { name: /Siti Aminah/ }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Lampiran').fill('1 (satu) berkas');
    await page.getByLabel('Yth.').fill('Kepala Bappeda Kabupaten Sleman');
    await page.getByLabel('di (tempat)').fill('Sleman');
    await page
      .getByLabel('Isi surat')
      .fill(
        'Dengan hormat,\n\nBersama ini kami mohon data layanan informasi publik triwulan IV.\n\n1. Jumlah permohonan\n2. Waktu layanan',
      );
    await page.getByRole('textbox', { name: 'Tembusan' }).fill('Sekretaris Daerah Kabupaten Sleman');
    await page.keyboard.press('Enter');
    await screenshot(page, 'drafting-compose');
    await page.getByRole('button', { name: 'Simpan konsep' }).click();
    await page.getByText('Konsep tersimpan.').waitFor();
    await page.getByTestId('draft-status').filter({ hasText: 'Konsep' }).waitFor();
    draftPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Tampilkan pratinjau' }).click();
    await page.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor({ timeout: 60_000 });

    await page.getByRole('textbox', { name: 'Pemaraf (urut dari jabatan terendah)' }).fill('Agus');
    await page.getByRole('option', { name: /Agus Setiawan/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Penanda tangan' }).fill('Hendra');
    await page.getByRole('option', { name: /Hendra Wijaya/ }).click();
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByText('Konsep diajukan untuk persetujuan.').waitFor();
    const steps = page.getByTestId('draft-steps');
    await steps.getByText('Giliran sekarang').waitFor();
    expect(await steps.textContent()).toContain('1. Paraf — Agus Setiawan');
    expect(await steps.textContent()).toContain('2. Tanda tangan — Dr. Hendra Wijaya');
    await screenshot(page, 'drafting-submitted');
  });

  it('lets a member of staff draft by uploading a PDF that carries the placeholders, see it as its own preview, and submit it', async () => {
    const page = await as('staff', staff.email, '/drafts/new');
    const uploadedSubject = `Laporan kegiatan diseminasi informasi ${tag}`;
    await page.getByRole('textbox', { name: /^Hal\b/ }).fill(uploadedSubject);
    await page.getByRole('textbox', { name: 'Kode klasifikasi' }).fill('000.1.1');
    await page.getByRole('option', { name: /000.1.1/ }).click();
    await page.getByText('Unggah PDF').click();
    // The dropzone's own file field, which its click opens.
    await page
      .getByTestId('draft-dropzone')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'laporan-diseminasi.pdf',
        mimeType: 'application/pdf',
        buffer: await makePdf('Nomor ${nomor} tanggal ${tanggal} ${ttd}'),
      });
    await page.getByText('Berkas terunggah: laporan-diseminasi.pdf').waitFor();
    await page.getByRole('button', { name: 'Simpan konsep' }).click();
    await page.getByText('Konsep tersimpan.').waitFor();
    await page.getByRole('button', { name: 'Tampilkan pratinjau' }).click();
    await page.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
    await page.getByRole('textbox', { name: 'Penanda tangan' }).fill('Agus');
    await page.getByRole('option', { name: /Agus Setiawan/ }).click();
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByTestId('draft-status').filter({ hasText: 'Dalam persetujuan' }).waitFor();
    expect(await page.getByTestId('draft-steps').textContent()).toContain('1. Tanda tangan — Agus Setiawan');
    await screenshot(page, 'drafting-uploaded');

    await page.getByRole('link', { name: 'Konsep surat keluar' }).click();
    await page.getByTestId('draft-row').filter({ hasText: uploadedSubject }).filter({ hasText: 'Dalam persetujuan' }).waitFor();
    await page.getByTestId('draft-row').filter({ hasText: subject }).waitFor();
    await screenshot(page, 'drafting-list');
  });

  it('shows the drafter what the reviewer returned, and lets them revise and submit again until the head signs', async () => {
    const reviewer = await as('division', division.nip, '/approvals');
    await decide(reviewer, subject, 'Kembalikan', 'Mohon lengkapi jenis data yang diminta.');

    const page = await as('staff', staff.email, draftPath);
    await page.getByTestId('returned-note').filter({ hasText: 'Mohon lengkapi jenis data yang diminta.' }).waitFor();
    await page.getByTestId('draft-status').filter({ hasText: 'Dikembalikan' }).waitFor();
    await screenshot(page, 'drafting-returned');
    const body = page.getByLabel('Isi surat');
    await body.fill(`${await body.inputValue()}\n3. Jenis informasi yang paling banyak diminta`);
    await page.getByLabel('Catatan revisi (untuk pemeriksa)').fill('Jenis data sudah dilengkapi.');
    await page.getByRole('button', { name: 'Simpan revisi' }).click();
    await page.getByText(/Revisi 2 tersimpan/).waitFor();
    await page.getByTestId('draft-status').filter({ hasText: 'Konsep' }).waitFor();
    await page.getByRole('textbox', { name: 'Penanda tangan' }).fill('Hendra');
    await page.getByRole('option', { name: /Hendra Wijaya/ }).click();
    await page.getByRole('textbox', { name: 'Pemaraf (urut dari jabatan terendah)' }).fill('Agus');
    await page.getByRole('option', { name: /Agus Setiawan/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByTestId('draft-status').filter({ hasText: 'Dalam persetujuan' }).waitFor();

    await decide(await as('division', division.nip, '/approvals'), subject, 'Setujui');
    await decide(await as('head', head.email, '/approvals'), subject, 'Tandatangani');

    await page.reload();
    await page.getByTestId('draft-status').filter({ hasText: 'Terkirim' }).waitFor();
    expect(await page.getByTestId('draft-steps').locator('[data-step-status=APPROVED]').count()).toBe(2);
    await screenshot(page, 'drafting-signed');
  });

  it('lets the clerk start and describe a dossier, file the sent letter into it, and close it', async () => {
    const page = await as('clerk', clerk.nip, '/archive/dossiers');
    await page.getByTestId('dossier-row').filter({ hasText: 'Undangan dan notulen rapat koordinasi 2026' }).waitFor();
    await page.getByRole('button', { name: 'Buat berkas' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Uraian berkas').fill(`Permohonan informasi publik ${tag}`);
    await dialog.getByRole('textbox', { name: 'Klasifikasi' }).fill('000.1.1');
    await page.getByRole('option', { name: /000.1.1/ }).click();
    await dialog.getByLabel('Lokasi simpan').fill('Ruang Arsip 1/Rak 3/Boks 7');
    await dialog.getByLabel('Keterangan').fill('Permohonan dan jawabannya, triwulan IV.');
    await screenshot(page, 'clerk-dossier-create');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(/Berkas .* dibuat\./).waitFor();
    expect(await page.getByTestId('dossier-metadata').textContent()).toContain('Ruang Arsip 1/Rak 3/Boks 7');
    await page.getByTestId('dossier-state').filter({ hasText: 'Terbuka' }).waitFor();
    const dossierPath = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Surat untuk diberkaskan' }).click();
    const row = page.getByTestId('unfiled-row').filter({ hasText: subject });
    await row.getByRole('textbox', { name: 'Berkas' }).click();
    await page.getByRole('option', { name: new RegExp(`Permohonan informasi publik ${tag}`) }).click();
    await screenshot(page, 'clerk-unfiled');
    await row.getByRole('button', { name: 'Arsipkan' }).click();
    await page.getByText(/Surat diarsipkan ke berkas/).waitFor();
    await row.waitFor({ state: 'detached' });

    await page.goto(`${api.url}${dossierPath}`);
    await page.getByTestId('dossier-record').filter({ hasText: subject }).waitFor();
    await page.getByRole('button', { name: 'Tutup berkas' }).click();
    await page.getByRole('button', { name: 'Ya, tutup berkas' }).click();
    await page.getByTestId('dossier-state').filter({ hasText: 'Ditutup' }).waitFor();
    expect(await page.getByTestId('dossier-metadata').textContent()).toMatch(/Aktif sampai\d{1,2} \w+ \d{4}/);
    await screenshot(page, 'clerk-dossier-closed');

    await page.getByRole('link', { name: 'Berkas arsip' }).click();
    await page
      .getByTestId('dossier-row')
      .filter({ hasText: `Permohonan informasi publik ${tag}` })
      .filter({ hasText: 'Ditutup' })
      .waitFor();
    await screenshot(page, 'clerk-dossiers');
  });

  it('lets the clerk search the archive, see the hits highlighted, load more, and open a record read by OCR', async () => {
    const page = await as('clerk', clerk.nip, '/archive/search');
    await page.getByLabel('Kata yang dicari').fill('pemusnahan');
    await page.getByRole('button', { name: 'Cari' }).click();
    const hit = page.getByTestId('search-hit').filter({ hasText: 'Notulen rapat koordinasi penataan arsip' });
    await hit.waitFor();
    // "pemusnahan" finds "pemusnahan" in the OCR text, and the snippet marks it.
    expect(await hit.locator('mark').first().textContent()).toMatch(/pemusnahan/i);
    await screenshot(page, 'clerk-archive-search');

    await page.getByLabel('Kata yang dicari').fill('notulen penataan');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByTestId('search-hit').getByRole('link', { name: 'Notulen rapat koordinasi penataan arsip' }).click();
    await page.getByTestId('ocr-status').filter({ hasText: 'OCR selesai' }).waitFor();
    expect(await page.getByTestId('record-metadata').textContent()).toContain('Ruang Arsip 1/Rak 2/Boks 5');
    await page.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
    await screenshot(page, 'clerk-archive-record');
  });

  it('lets the clerk check an import in a dry run, see the rows it refuses, run it with a live progress bar, and page through what it stored', async () => {
    const page = await as('clerk', clerk.nip, '/archive/import');
    // A word of its own for this batch, so that the search finds its records and nothing else of this run.
    const batch = `batch${Math.random().toString(36).slice(2, 10)}`;
    const scans = Array.from({ length: 11 }, (_, i) => `scan/${i + 1}.pdf`);
    const zip = makeZip(
      await Promise.all(scans.map(async (name, i) => ({ name, data: await makePdf(`Pindaian ${batch} nomor ${i + 1}`) }))),
    );
    const manifest = [
      'berkas;kode_klasifikasi;uraian;tanggal',
      ...scans.map((name, i) => `${name};000.1.1;Pindaian ${batch} nomor ${i + 1};2025-03-${String(i + 1).padStart(2, '0')}`),
      `scan/hilang.pdf;000.1.1;Pindaian ${batch} hilang;2025-03-20`,
    ].join('\n');
    await choose(page, 'ZIP berkas pindaian', { name: 'pindaian.zip', mimeType: 'application/zip', buffer: zip });
    await choose(page, 'Manifes CSV', { name: 'manifes.csv', mimeType: 'text/csv', buffer: Buffer.from(manifest) });
    await page.getByRole('button', { name: 'Periksa dulu' }).click();
    const check = page.locator('[data-testid=import-check][data-status=VALIDATED]');
    await check.waitFor({ timeout: 60_000 });
    expect(await check.getByTestId('import-counts').textContent()).toBe('12 dari 12 baris · 1 salah · 0 sudah ada');
    const errors = (await check.getByTestId('import-errors').textContent()) as string;
    expect(errors).toMatch(/^Baris.*13/);
    expect(errors).toContain('scan/hilang.pdf');
    expect(await check.getByTestId('errors-csv').getAttribute('href')).toContain(encodeURIComponent('baris,pesan'));
    await screenshot(page, 'clerk-import-dry-run');

    await page.getByRole('button', { name: 'Jalankan impor' }).click();
    const run = page.locator('[data-testid=import-run][data-status=DONE]');
    await run.waitFor({ timeout: 60_000 });
    expect(await run.getByTestId('import-counts').textContent()).toBe('12 dari 12 baris · 1 salah · 0 sudah ada');
    expect(await run.getByTestId('import-progress').locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'clerk-import-done');

    // Eleven records found: ten on the first page, the last one behind "more".
    await page.goto(`${api.url}/archive/search`);
    await page.getByLabel('Kata yang dicari').fill(batch);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByTestId('search-total').filter({ hasText: '11 arsip ditemukan' }).waitFor();
    await page.getByTestId('search-hit').nth(9).waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(10);
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await page.getByTestId('search-hit').nth(10).waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(11);
    expect(await page.getByRole('button', { name: 'Muat lebih banyak' }).count()).toBe(0);
    await screenshot(page, 'clerk-archive-search-more');
  });

  it('carries a dossier past its retention through proposal, appraisal, decision and destruction, with the PDFs viewable', async () => {
    const page = await as('clerk', clerk.nip, '/archive/disposal');
    const candidate = page.getByTestId('disposal-candidate').filter({ hasText: 'Undangan rapat tahun 2021' });
    await candidate.waitFor();
    await candidate.getByRole('checkbox').check();
    await page.getByRole('textbox', { name: 'Panitia penilai' }).fill('Sri');
    await page.getByRole('option', { name: /Sri Wahyuni/ }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'clerk-disposal-candidates');
    await page.getByRole('button', { name: 'Usulkan' }).click();
    const proposal = page.getByTestId('disposal-proposal').filter({ hasText: 'Undangan rapat tahun 2021' });
    await proposal.and(page.locator('[data-status=PROPOSED]')).waitFor();
    await viewPdf(page, proposal, 'Daftar arsip usul musnah', 'clerk-disposal-list');

    const committee = await as('secretary', secretary.nip, '/archive/disposal');
    const toAppraise = committee.getByTestId('disposal-proposal').filter({ hasText: 'Undangan rapat tahun 2021' });
    await toAppraise.getByLabel('Pertimbangan tertulis panitia').fill('Arsip tidak bernilai guna lagi; layak musnah.');
    await toAppraise.getByRole('button', { name: 'Kirim pertimbangan' }).click();
    await toAppraise.and(committee.locator('[data-status=APPRAISED]')).waitFor();
    await screenshot(committee, 'committee-disposal-appraised');

    const leader = await as('head', head.email, '/archive/disposal');
    const toDecide = leader.getByTestId('disposal-proposal').filter({ hasText: 'Undangan rapat tahun 2021' });
    await toDecide.getByLabel('Catatan keputusan').fill('Disetujui untuk dimusnahkan.');
    await screenshot(leader, 'head-disposal-decide');
    await toDecide.getByRole('button', { name: 'Setujui' }).click();
    await toDecide.and(leader.locator('[data-status=APPROVED]')).waitFor();

    await page.reload();
    await proposal.getByRole('button', { name: 'Laksanakan pemusnahan' }).click();
    await proposal.and(page.locator('[data-status=EXECUTED]')).waitFor({ timeout: 60_000 });
    expect(await proposal.textContent()).toContain('Pertimbangan panitia: Arsip tidak bernilai guna lagi; layak musnah.');
    await viewPdf(page, proposal, 'Berita acara', 'clerk-disposal-minutes');
    await screenshot(page, 'clerk-disposal-executed');
  });
});

/** Opens the card of the letter on the approval queue, reads its PDF, and decides it. */
async function decide(page: Page, subject: string, button: string, comment?: string): Promise<void> {
  const card = page.getByTestId('approval-step').filter({ hasText: subject });
  await card.waitFor();
  const openButton = card.getByRole('button', { name: 'Buka' });
  if (await openButton.isVisible()) await openButton.click();
  // The composed draft has no uploaded PDF: what the reviewer reads is its preview.
  await card.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor();
  if (comment) await card.getByLabel(/Komentar/).fill(comment);
  await card.getByRole('button', { name: button }).click();
  await page.getByText('Keputusan tersimpan.').first().waitFor();
}

/** Picks a file in the file dialog the labelled field opens, as a person would. */
async function choose(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(label).click();
  await (await chooser).setFiles(file);
}

/** Opens a generated PDF of a disposal proposal in the viewer and waits until its first page is drawn. */
async function viewPdf(page: Page, proposal: ReturnType<Page['getByTestId']>, label: string, shot: string): Promise<void> {
  await proposal.getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-testid=pdf-canvas][data-rendered-page="1"]').waitFor({ timeout: 60_000 });
  await screenshot(page, shot);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}
