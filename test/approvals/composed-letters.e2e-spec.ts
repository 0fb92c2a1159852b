import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { toBuffer as qrCodePng } from 'qrcode';
import { bodyParagraph, makeDraftPdf, overlaps, PdfTools, replacePagesIncrementally, signatureWidget } from '@gesit/approvals/testing';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { upload } from '../harness/files';
import { adminToken, loginAs, randomNip, TEST_PASSWORD, uniqueSuffix } from '../harness/identity';
import { appointPlh, createPosition, createUnit } from '../harness/org';

jest.setTimeout(180_000);

const CREATE = `mutation($input: CreateOutgoingDraftInput!) {
  createOutgoingDraft(input: $input) { id status content { addressee carbonCopies } template { id name unit { id } } }
}`;
const SUBMIT = `mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id approvalSteps { id kind } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id letter { id status number } } }`;
const LETTER = `query($id: ID!) {
  letter(id: $id) {
    id status number verificationCode
    previewFile { id downloadUrl }
    signedFile { id sha256 downloadUrl }
    approvalSheetFile { id downloadUrl }
  }
}`;
const VERIFY = `query($code: String!) { verifyDocument(code: $code) { valid result issuer number signerName signerPosition sha256 } }`;
const SAVE_TEMPLATE = `mutation($id: ID, $input: LetterTemplateInput!) {
  saveLetterTemplate(id: $id, input: $input) { id name place paperSize letterheadLines unit { id } logoFile { id } }
}`;

/** Run in the page: the words of the verification table (but the hash) that wrap onto a second line. */
const BROKEN_WORDS = `[...document.querySelectorAll('th, td:not(.hash)')].flatMap((cell) =>
  [...cell.childNodes].filter((node) => node.nodeType === 3).flatMap((node) =>
    [...node.textContent.matchAll(/\\S+/g)].filter((word) => {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      return range.getClientRects().length > 1;
    }).map((word) => word[0])))`;

interface Official {
  id: string;
  nip: string;
  name: string;
  positionId: string;
  token: string;
}

/** `needles` appear in this order in `text`, runs of spaces counting as one. */
function expectInOrder(layout: string, needles: string[]): void {
  const text = layout.replace(/[ \t]+/g, ' ');
  let at = -1;
  for (const needle of needles) {
    const next = text.indexOf(needle.replace(/ +/g, ' '), at + 1);
    expect({ needle, inOrder: next > at }).toEqual({ needle, inOrder: true });
    at = next;
  }
}

describe('composed letters: templates, layout, placeholders, what goes out, public verification', () => {
  let api: TestApi;
  let admin: string;
  const tools = new PdfTools();
  let top: string;
  let agency: string;
  let agencyCode: string;
  let division: string;
  let divisionCode: string;
  let head: Official;
  let secretary: Official;
  let kabid: Official;
  let drafter: Official;
  let templateId: string;
  const topName = `Pemerintah Kabupaten Uji ${uniqueSuffix()}`;

  async function official(
    name: string,
    title: string,
    unitId: string,
    roles: string[],
    rank: string | null,
    superiorId?: string,
  ): Promise<Official> {
    const positionId = await createPosition(api, admin, { title, unitId, superiorId });
    const nip = randomNip();
    const { createUser } = await api.gqlOk<any>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { nip, name, email: `${nip}@example.go.id`, password: TEST_PASSWORD, roles, positionId, rank } },
      admin,
    );
    return { id: createUser.id, nip, name, positionId, token: (await loginAs(api, nip)).accessToken };
  }

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    top = await createUnit(api, admin, { name: topName });
    agencyCode = `DK${uniqueSuffix()}`;
    agency = await createUnit(api, admin, { name: 'Dinas Komunikasi dan Informatika', code: agencyCode, parentId: top });
    divisionCode = `BA${uniqueSuffix()}`;
    division = await createUnit(api, admin, { name: 'Bidang Aplikasi Informatika', code: divisionCode, parentId: agency });
    head = await official(
      'Ir. Bambang Wiryawan, M.Si.',
      'Kepala Dinas Komunikasi dan Informatika',
      agency,
      ['LEADER'],
      'Pembina Utama Muda (IV/c)',
    );
    secretary = await official(
      'Dra. Ñoman Sétiawati, M.M.',
      'Sekretaris Dinas',
      agency,
      ['LEADER'],
      'Pembina Tingkat I (IV/b)',
      head.positionId,
    );
    kabid = await official(
      'Agus Prasetyo, S.Kom.',
      'Kepala Bidang Aplikasi Informatika',
      division,
      ['LEADER'],
      'Pembina (IV/a)',
      head.positionId,
    );
    drafter = await official('Rina Wulandari', 'Pranata Komputer', division, ['STAFF'], 'Penata Muda (III/a)', kabid.positionId);

    const logo = await upload(api, admin, await qrCodePng('logo', { scale: 4 }), 'logo.png', 'image/png');
    expect(logo.status).toBe(201);
    const input = {
      unitId: top,
      name: 'Kop Pemerintah Kabupaten',
      letterheadLines: [
        `PEMERINTAH KABUPATEN UJI`,
        'DINAS KOMUNIKASI DAN INFORMATIKA',
        'Jalan Parasamya Nomor 1, Beran, Tridadi, Sleman 55511',
        'Telepon (0274) 868405, Pos-el tu@diskominfo.example',
      ],
      logoFileId: logo.body.id,
      place: 'Sleman',
    };
    expect(errorCode(await api.gql(SAVE_TEMPLATE, { input }, head.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(SAVE_TEMPLATE, { input: { ...input, letterheadLines: [] } }, admin))).toBe('BAD_USER_INPUT');
    const saved = (await api.gqlOk<any>(SAVE_TEMPLATE, { input: { ...input, name: 'Kop lama' } }, admin)).saveLetterTemplate;
    expect(saved).toMatchObject({ paperSize: 'A4', place: 'Sleman', unit: { id: top }, logoFile: { id: logo.body.id } });
    const changed = (await api.gqlOk<any>(SAVE_TEMPLATE, { id: saved.id, input }, admin)).saveLetterTemplate;
    expect(changed).toMatchObject({ id: saved.id, name: 'Kop Pemerintah Kabupaten' });
    templateId = saved.id;
  });

  afterAll(async () => {
    tools.cleanup();
    await api.close();
  });

  const content = (paragraphs: number, overrides: Record<string, unknown> = {}) => ({
    templateId,
    attachmentsNote: '1 (satu) berkas',
    addressee: 'Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Sleman',
    addresseePlace: 'Sleman',
    body: [
      'Dengan hormat,',
      ...Array.from({ length: paragraphs }, (_, i) => bodyParagraph(i + 1)),
      'Acara rapat:\n1. Pembukaan;\n2. Paparan _rencana aksi_;\n- Diskusi.',
      'Demikian kami sampaikan, atas perhatian Saudara kami ucapkan terima kasih.',
    ].join('\n\n'),
    carbonCopies: ['Bupati Sleman (sebagai laporan);', 'Sekretaris Daerah Kabupaten Sleman.'],
    ...overrides,
  });

  async function compose(subject: string, body: Record<string, unknown>, urgency = 'NORMAL') {
    return (
      await api.gqlOk<any>(
        CREATE,
        {
          input: {
            kind: 'OFFICIAL_LETTER',
            subject,
            classificationCode: '000.1.1',
            securityLevel: 'PUBLIC',
            urgency,
            content: body,
            externalRecipients: ['Bappeda'],
          },
        },
        drafter.token,
      )
    ).createOutgoingDraft;
  }

  const view = async (id: string, token = drafter.token) => (await api.gqlOk<any>(LETTER, { id }, token)).letter;
  const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
  const approve = async (stepId: string, token: string) =>
    (await api.gqlOk<any>(DECIDE, { input: { stepId, decision: 'APPROVE' } }, token)).decideApproval;

  /** The signed letter's boxes: no two text lines overlap, and the signing block (with its QR) covers none. */
  async function expectNothingOverlaps(pdf: Buffer): Promise<void> {
    const lines = tools.lineBoxes(pdf);
    for (const [i, a] of lines.entries()) {
      for (const b of lines.slice(i + 1)) {
        if (a.page === b.page) expect({ a: a.text, b: b.text, overlap: overlaps(a, b) }).toMatchObject({ overlap: false });
      }
    }
    const block = (await signatureWidget(pdf))!;
    const inBlock = lines.filter(
      (l) => l.page === block.page && l.x1 >= block.x1 - 0.5 && l.y1 >= block.y1 - 0.5 && l.y2 <= block.y2 + 0.5,
    );
    expect(inBlock.map((l) => l.text)).toEqual(expect.arrayContaining([expect.stringContaining('NIP.')]));
    const body = lines.filter((l) => !inBlock.includes(l));
    expect(body.filter((l) => l.page === block.page && overlaps(l, block)).map((l) => l.text)).toEqual([]);
  }

  async function verifyFile(bytes: Buffer, html = false) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'surat.pdf');
    return fetch(`${api.url}/verify`, { method: 'POST', body: form, headers: html ? { accept: 'text/html' } : {} });
  }

  it('lists templates nearest first, and lays out, signs (a.n.) and verifies a two-page composed letter', async () => {
    const listed = (
      await api.gqlOk<any>('query($u: ID) { letterTemplates(unitId: $u) { id unit { id } } }', { u: division }, drafter.token)
    ).letterTemplates;
    expect(listed.map((t: any) => t.id)).toEqual([templateId]);
    expect((await api.gqlOk<any>('{ letterTemplates { id } }', undefined, drafter.token)).letterTemplates.map((t: any) => t.id)).toEqual([
      templateId,
    ]);

    const letter = await compose('Undangan Rapat Koordinasi Transformasi Digital', content(9));
    expect(letter).toMatchObject({
      status: 'DRAFT',
      content: { carbonCopies: ['Bupati Sleman (sebagai laporan);', 'Sekretaris Daerah Kabupaten Sleman.'] },
      template: { id: templateId },
    });

    // The preview shows the placeholders of number and date, and the signer once chosen.
    const before = await download((await view(letter.id)).previewFile.downloadUrl);
    expect(tools.layoutTexts(before).join('\n').replace(/ +/g, ' ')).toContain('Nomor : ${nomor}');
    const submitted = (
      await api.gqlOk<any>(
        SUBMIT,
        { input: { letterId: letter.id, reviewerIds: [kabid.id], signerId: secretary.id, onBehalfOfId: head.id } },
        drafter.token,
      )
    ).submitForApproval;
    const preview = tools.layoutTexts(await download((await view(letter.id, kabid.token)).previewFile.downloadUrl)).join('\n');
    expect(preview).toContain('Dra. Ñoman Sétiawati, M.M.');
    expect(preview).toContain('Sleman, ${tanggal}');
    // Rendered again for the chosen signer, the preview replaced the first one: one stored preview per revision.
    const previews = await api.app.get(DataSource).query('SELECT id FROM stored_file WHERE filename LIKE $1', [`pratinjau-${letter.id}-%`]);
    expect(previews).toEqual([{ id: (await view(letter.id)).previewFile.id }]);

    await approve(submitted.approvalSteps[0].id, kabid.token);
    const signed = await approve(submitted.approvalSteps[1].id, secretary.token);
    expect(signed.letter.status).toBe('SIGNED');
    // The default format prints the code of the unit in whose name it is signed (a.n. the head: the agency).
    expect(signed.letter.number).toMatch(new RegExp(`^B-\\d{4}/${agencyCode}/000\\.1\\.1/[IVX]+/20\\d\\d$`));

    const done = await view(letter.id);
    const pdf = await download(done.signedFile.downloadUrl);
    expect(tools.pdfsig(pdf)).toContain('Signature is Valid.');
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    const pages = tools.layoutTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectInOrder(pages.join('\n'), [
      'PEMERINTAH KABUPATEN UJI',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      `Nomor : ${done.number}`,
      'Sifat : Biasa',
      'Lampiran : 1 (satu) berkas',
      'Hal : Undangan Rapat Koordinasi Transformasi Digital',
      'Yth. Kepala Badan Perencanaan',
      'Dengan hormat,',
      'Paragraf 1:',
      'Paragraf 9:',
      '1. Pembukaan;',
      'Demikian kami sampaikan',
      'Sleman, ',
      'a.n. Kepala Dinas Komunikasi dan',
      'Sekretaris Dinas,',
      'Dra. Ñoman Sétiawati, M.M.',
      'Pembina Tingkat I (IV/b)',
      `NIP. ${secretary.nip}`,
      'Tembusan:',
      '1. Bupati Sleman',
    ]);
    expect(pages[1]).toMatch(/^\s*-\s*2\s*-/);
    for (const page of pages) {
      expect(page.replace(/\s+/g, ' ')).toContain('Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik.');
    }
    for (const page of pages) expect(page.replace(/\s+/g, '')).toContain(`/verify/${done.verificationCode}`);
    expect(tools.fonts(pdf).every((row) => /\syes\s/.test(row))).toBe(true);
    await expectNothingOverlaps(pdf);

    // The approval sheet stays inside: its own signed PDF, absent from what recipients get.
    expect(pages.join('\n')).not.toContain('LEMBAR PERSETUJUAN');
    const sheet = await download(done.approvalSheetFile.downloadUrl);
    expect(tools.pdfsig(sheet)).toContain('Signature is Valid.');
    expect(tools.pageTexts(sheet).join('\n')).toContain('LEMBAR PERSETUJUAN');

    // Verification by code and by file: GENUINE, ALTERED (edited elsewhere, claims this letter), UNKNOWN.
    const byCode = (await api.gqlOk<any>(VERIFY, { code: done.verificationCode })).verifyDocument;
    expect(byCode).toEqual({
      valid: true,
      result: 'GENUINE',
      issuer: topName,
      number: done.number,
      signerName: 'Dra. Ñoman Sétiawati, M.M.',
      signerPosition: 'a.n. Kepala Dinas Komunikasi dan Informatika\nSekretaris Dinas',
      sha256: done.signedFile.sha256,
    });
    expect((await api.gqlOk<any>(VERIFY, { code: 'AAAAAAAAAAAAAAAA' })).verifyDocument).toMatchObject({
      valid: false,
      result: 'UNKNOWN',
      issuer: null,
    });
    expect(await (await verifyFile(pdf)).json()).toMatchObject({ result: 'GENUINE', valid: true, number: done.number, issuer: topName });
    const edited = await PDFDocument.load(pdf);
    edited
      .getPage(0)
      .drawText('Nomor rekening diganti', { x: 300, y: 400, size: 12, font: await edited.embedFont(StandardFonts.Helvetica) });
    const altered = Buffer.from(await edited.save());
    expect(await (await verifyFile(altered)).json()).toMatchObject({
      result: 'ALTERED',
      valid: false,
      number: done.number,
      issuer: topName,
    });
    // A copy whose pages an incremental update replaced, code, URL and keywords gone: its signature still names the letter.
    const forged = await replacePagesIncrementally(pdf, 'Nomor rekening diganti');
    expect(tools.pageTexts(forged).join('\n')).not.toContain(done.verificationCode);
    expect(await (await verifyFile(forged)).json()).toMatchObject({
      result: 'ALTERED',
      valid: false,
      number: done.number,
      issuer: topName,
    });
    expect(await (await verifyFile(await makeDraftPdf(1))).json()).toMatchObject({ result: 'UNKNOWN', valid: false, number: null });

    // The page the QR code opens, on a phone in Chromium: institution, position lines, the upload form.
    const page = await fetch(`${api.url}/verify/${done.verificationCode}`);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const tab = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
      const requested: string[] = [];
      tab.on('request', (request) => requested.push(request.url()));
      await tab.goto(`${api.url}/verify/${done.verificationCode}`);
      const text = await tab.locator('main').innerText();
      expect(text).toContain(topName);
      expect(text).toContain('a.n. Kepala Dinas Komunikasi dan Informatika\nSekretaris Dinas');
      expect(await tab.locator('header img').count()).toBe(1);
      // Nothing wider than the phone, and words wrap between words (only the hash may break anywhere).
      expect(await tab.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await tab.evaluate(BROKEN_WORDS)).toEqual([]);
      mkdirSync(join(__dirname, '..', '..', 'test-results'), { recursive: true });
      await tab.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'verify-page.png'), fullPage: true });
      expect(requested.every((url) => url.startsWith(api.url))).toBe(true);

      // The form checks a received file without signing in.
      await tab.setInputFiles('input[name=file]', { name: 'surat.pdf', mimeType: 'application/pdf', buffer: altered });
      await Promise.all([tab.waitForURL(`${api.url}/verify`), tab.click('button[type=submit]')]);
      expect(await tab.locator('main').innerText()).toContain('TELAH DIUBAH');
      await tab.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'verify-page-altered.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('signs as Plh. with the position line of the official, and prints Sifat from the urgency', async () => {
    await appointPlh(api, head.token, kabid.id);
    const letter = await compose('Pemberitahuan Pemeliharaan Jaringan', content(1, { carbonCopies: [] }), 'URGENT');
    const { approvalSteps } = (
      await api.gqlOk<any>(SUBMIT, { input: { letterId: letter.id, reviewerIds: [], signerId: head.id } }, drafter.token)
    ).submitForApproval;
    await approve(approvalSteps[0].id, kabid.token);
    const done = await view(letter.id);
    const pdf = await download(done.signedFile.downloadUrl);
    expect(tools.pdfsig(pdf)).toContain('Signature is Valid.');
    expectInOrder(tools.layoutTexts(pdf).join('\n'), [
      `Nomor : ${done.number}`,
      'Sifat : Segera',
      'Lampiran : 1 (satu) berkas',
      'Sleman, ',
      'Plh. Kepala Dinas Komunikasi dan',
      'Agus Prasetyo, S.Kom.',
      'Pembina (IV/a)',
      `NIP. ${kabid.nip}`,
    ]);
    expect(tools.layoutTexts(pdf).join('\n')).not.toContain('Tembusan');
    await expectNothingOverlaps(pdf);
    expect((await api.gqlOk<any>(VERIFY, { code: done.verificationCode })).verifyDocument).toMatchObject({
      result: 'GENUINE',
      signerPosition: 'Plh. Kepala Dinas Komunikasi dan Informatika',
    });
  });

  it('stamps an uploaded draft at its ${nomor}, ${tanggal} and ${ttd}, and refuses one without ${ttd} at submission', async () => {
    const uploadDraft = async (pdf: Buffer) =>
      (
        await api.gqlOk<any>(
          CREATE,
          {
            input: {
              kind: 'OFFICIAL_LETTER',
              subject: 'Surat dari pengolah kata',
              classificationCode: '000.1.1',
              securityLevel: 'PUBLIC',
              urgency: 'NORMAL',
              draftFileId: (await upload(api, drafter.token, pdf, 'konsep.pdf', 'application/pdf')).body.id,
            },
          },
          drafter.token,
        )
      ).createOutgoingDraft;
    const submit = (letterId: string) => api.gql<any>(SUBMIT, { input: { letterId, reviewerIds: [], signerId: kabid.id } }, drafter.token);

    const missing = await uploadDraft(await makeDraftPdf(1, { placeholders: false }));
    const refused = await submit(missing.id);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('belum memuat penanda ${ttd}');

    const scanned = await PDFDocument.create();
    scanned.addPage().drawImage(await scanned.embedPng(await qrCodePng('hasil pindai')), { x: 50, y: 50, width: 400, height: 400 });
    const scan = await uploadDraft(Buffer.from(await scanned.save()));
    const noText = await submit(scan.id);
    expect(errorCode(noText)).toBe('BAD_USER_INPUT');
    expect(noText.errors![0].message).toContain('tidak memiliki lapisan teks');

    const letter = await uploadDraft(await makeDraftPdf(2));
    expect((await view(letter.id)).previewFile).not.toBeNull();
    const steps = (await submit(letter.id)).data!.submitForApproval.approvalSteps;
    await approve(steps[0].id, kabid.token);
    const done = await view(letter.id);
    const pdf = await download(done.signedFile.downloadUrl);
    expect(tools.pdfsig(pdf)).toContain('Signature is Valid.');
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    const pages = tools.layoutTexts(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain(done.number);
    expectInOrder(pages[1], ['Kepala Dinas,', 'Agus Prasetyo, S.Kom.', 'Pembina (IV/a)', `NIP. ${kabid.nip}`]);
    const widget = (await signatureWidget(pdf))!;
    expect(widget.page).toBe(2);
    const position = tools.lineBoxes(pdf).find((l) => l.page === 2 && l.text === 'Kepala Dinas,')!;
    expect(overlaps(position, widget)).toBe(false);
    expect(await (await verifyFile(pdf)).json()).toMatchObject({ result: 'GENUINE', number: done.number });
  });

  it('revises composed content as a new revision, and numbers with the drafting unit when the format says {unitCode}', async () => {
    await api.gqlOk(
      'mutation($unitId: ID!, $format: String!) { setOutgoingNumberFormat(unitId: $unitId, format: $format) { format } }',
      { unitId: division, format: '{seq:3}/{unitCode}/{signerUnitCode}/{year}' },
      admin,
    );
    const letter = await compose('Permohonan Data Aplikasi', content(1));
    const both = await api.gql<any>(
      'mutation($input: ReviseDraftInput!) { reviseDraft(input: $input) { id } }',
      {
        input: {
          letterId: letter.id,
          content: content(1),
          draftFileId: (await upload(api, drafter.token, await makeDraftPdf(1), 'x.pdf', 'application/pdf')).body.id,
        },
      },
      drafter.token,
    );
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
    const revised = (
      await api.gqlOk<any>(
        'mutation($input: ReviseDraftInput!) { reviseDraft(input: $input) { id revision content { addressee } } }',
        {
          input: {
            letterId: letter.id,
            content: content(1, { addressee: 'Kepala Dinas Pendidikan Kabupaten Sleman' }),
            note: 'Tujuan diganti',
          },
        },
        drafter.token,
      )
    ).reviseDraft;
    expect(revised).toMatchObject({ revision: 2, content: { addressee: 'Kepala Dinas Pendidikan Kabupaten Sleman' } });
    const preview = tools.layoutTexts(await download((await view(letter.id)).previewFile.downloadUrl)).join('\n');
    expect(preview).toContain('Yth. Kepala Dinas Pendidikan Kabupaten Sleman');

    const { approvalSteps } = (
      await api.gqlOk<any>(SUBMIT, { input: { letterId: letter.id, reviewerIds: [], signerId: secretary.id } }, drafter.token)
    ).submitForApproval;
    const signed = await approve(approvalSteps[0].id, secretary.token);
    // The drafting unit's format: {unitCode} is the drafting division's, {signerUnitCode} the signing secretary's agency.
    expect(signed.letter.number).toMatch(new RegExp(`^\\d{3}/${divisionCode}/${agencyCode}/20\\d\\d$`));
    expect(tools.layoutTexts(await download((await view(letter.id)).signedFile.downloadUrl)).join('\n')).toContain(
      'Kepala Dinas Pendidikan Kabupaten Sleman',
    );
  });
});
