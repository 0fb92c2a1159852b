import { PdfTools } from '@gesit/approvals/testing';
import { DEMO_LETTER_TEMPLATE } from '@gesit/approvals';
import { DEMO_PEOPLE } from '@gesit/identity/testing';
import type { TestApi } from '../harness/app';
import { startDemoApi, type DemoApi } from '../harness/demo';

jest.setTimeout(180_000);

describe('the demo organisation writes letters on its own letterhead', () => {
  let demo: DemoApi;
  let api: TestApi;
  const tools = new PdfTools();
  const person = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!;
  const sign = (key: string) => demo.signIn(key);
  const download = async (downloadUrl: string) => Buffer.from(await (await fetch(downloadUrl)).arrayBuffer());
  const flat = (pages: string[]) => pages.join('\n').replace(/[ \t]+/g, ' ');

  beforeAll(async () => {
    demo = await startDemoApi('approvals');
    api = demo.api;
  });

  afterAll(async () => {
    tools.cleanup();
    await demo?.close();
  });

  it("composes, previews and signs a letter of a division under the agency's kop surat", async () => {
    const drafter = await sign('pranata-komputer');
    const signer = await sign('kabid-aptika');
    const { letterTemplates } = await api.gqlOk<any>('{ letterTemplates { id name letterheadLines place } }', undefined, drafter);
    expect(letterTemplates).toEqual([
      expect.objectContaining({ name: DEMO_LETTER_TEMPLATE.name, letterheadLines: DEMO_LETTER_TEMPLATE.letterheadLines, place: 'Sleman' }),
    ]);
    const { createOutgoingDraft: letter } = await api.gqlOk<any>(
      `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id previewFile { downloadUrl } } }`,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          subject: 'Permohonan Data Layanan Aplikasi',
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          content: {
            templateId: letterTemplates[0].id,
            addressee: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman',
            addresseePlace: 'Sleman',
            body: 'Dengan hormat,\n\nBersama ini kami mohon data layanan aplikasi untuk penyusunan laporan SPBE.',
            carbonCopies: [],
          },
        },
      },
      drafter,
    );
    const kop = DEMO_LETTER_TEMPLATE.letterheadLines.map((line) => line.replace(/[ \t]+/g, ' '));
    const preview = flat(tools.layoutTexts(await download(letter.previewFile.downloadUrl)));
    for (const line of kop) expect(preview).toContain(line);

    const { submitForApproval } = await api.gqlOk<any>(
      'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { approvalSteps { id } } }',
      { input: { letterId: letter.id, reviewerIds: [], signerId: (await api.gqlOk<any>('{ me { id } }', undefined, signer)).me.id } },
      drafter,
    );
    await api.gqlOk(
      'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id } }',
      { input: { stepId: submitForApproval.approvalSteps[0].id, decision: 'APPROVE' } },
      signer,
    );
    const { letter: signed } = await api.gqlOk<any>(
      'query($id: ID!) { letter(id: $id) { status number signedFile { downloadUrl } } }',
      { id: letter.id },
      drafter,
    );
    expect(signed.status).toBe('SIGNED');
    const pages = tools.layoutTexts(await download(signed.signedFile.downloadUrl));
    const text = flat(pages);
    for (const line of kop) expect(flat(pages.slice(0, 1))).toContain(line);
    expect(text).toContain(signed.number);
    expect(text).toContain(person('kabid-aptika').name);
  });
});
