import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_QUEUE, NotificationsService } from '@gesit/notifications';
import { OutboxRelayService, QueueRegistry } from '@gesit/platform';
import { errorCode, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';
import { appointPlh, createAgency } from '../harness/org';
import { startWhatsAppServer, TestWhatsAppServer } from '../harness/whatsapp-server';
import { startSmtpServer, TestSmtpServer } from '../harness/smtp-server';

jest.setTimeout(120_000);

type Agency = Awaited<ReturnType<typeof createAgency>>;
interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  entityType: string | null;
}

const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { id kind title body entityType } } } }`;
const REGISTER = `mutation($input: RegisterIncomingLetterInput!) {
  registerIncomingLetter(input: $input) { id number dispositions { assignments { id assignee { id } } } }
}`;
const DISPOSE = `mutation($input: DisposeInput!) { dispose(input: $input) { id assignments { id } } }`;
const CREATE = `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id approvalSteps { id order } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id status letter { number } } }`;
const STEPS = `query($id: ID!) { letter(id: $id) { approvalSteps { id order status } } }`;
const PREFERENCES = `{ notificationPreferences { kind channels } }`;
const SET_PREFERENCE = `mutation($kind: String!, $channels: [NotificationChannel!]!) {
  setNotificationPreference(kind: $kind, channels: $channels) { kind channels }
}`;
const SET_PHONE = `mutation($phone: String) { setMyPhone(phone: $phone) { id phone } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The text of a mail as a person reads it: quoted-printable soft breaks and escapes undone. */
function readable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    unfolded.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describe('notices of the work itself', () => {
  let smtp: TestSmtpServer;
  let whatsapp: TestWhatsAppServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;
  let org: Agency;
  let counter = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    whatsapp = await startWhatsAppServer();
    const env = {
      SMTP_URL: smtp.url,
      WHATSAPP_API_URL: whatsapp.url,
      WHATSAPP_ACCESS_TOKEN: 'uji-token-rahasia',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    };
    api = await startTestApi({ env });
    worker = await startTestWorker(env);
    admin = await adminToken(api);
    org = await createAgency(api, admin);
    // Round the clock in this agency, so that its people's e-mail is never held for the morning here.
    await api.gqlOk(
      'mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { start } }',
      { input: { unitId: org.agency, weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' } },
      admin,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await whatsapp?.close();
    await smtp?.close();
  });

  /** The first in-app notification of `kind` whose title or body contains `text`. */
  const notice = (token: string, kind: string, text: string): Promise<Notice> =>
    until(`a ${kind} notice containing "${text}"`, async () => {
      const { notifications } = await api.gqlOk<{ notifications: { edges: { node: Notice }[] } }>(NOTIFICATIONS, {}, token);
      return notifications.edges.map((e) => e.node).find((n) => n.kind === kind && `${n.title} ${n.body}`.includes(text));
    });

  const mailOf = (id: string) => smtp.received.find((m) => m.raw.includes(`notification-${id}@gesit`));
  const mailed = (id: string) => until(`the e-mail of notification ${id}`, () => mailOf(id));

  async function register(subject: string, addresseeIds: string[], securityLevel = 'PUBLIC') {
    counter += 1;
    return (
      await api.gqlOk<any>(
        REGISTER,
        {
          input: {
            kind: 'OFFICIAL_LETTER',
            number: `800/${counter}/BKD/2026`,
            letterDate: '2026-11-20',
            subject,
            senderName: 'Badan Kepegawaian Daerah',
            classificationCode: '000.1.1',
            securityLevel,
            urgency: 'NORMAL',
            fileIds: [await uploadPdf(api, org.clerk.token, `Scan ${counter}`)],
            addresseeIds,
          },
        },
        org.clerk.token,
      )
    ).registerIncomingLetter;
  }

  async function draft(subject: string, internalRecipientIds: string[] = []) {
    // The signing block goes where the draft marks it.
    const draftFileId = await uploadPdf(api, org.staff.token, subject + ' ${ttd}');
    const { createOutgoingDraft } = await api.gqlOk<any>(
      CREATE,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          subject,
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId,
          internalRecipientIds,
        },
      },
      org.staff.token,
    );
    const { submitForApproval } = await api.gqlOk<any>(
      SUBMIT,
      { input: { letterId: createOutgoingDraft.id, reviewerIds: [org.division1.id], signerId: org.head.id } },
      org.staff.token,
    );
    return { id: createOutgoingDraft.id as string, review: submitForApproval.approvalSteps.find((s: any) => s.order === 1).id as string };
  }

  it('tells the addressee of a registered letter, and the recipient of a disposition with the instruction, note and due time', async () => {
    const letter = await register('Undangan rapat koordinasi data kepegawaian', [org.head.id]);
    const toHead = await notice(org.head.token, 'disposition.received', 'Undangan rapat koordinasi data kepegawaian');
    expect(toHead.title).toBe(`Disposisi baru dari Petugas TU: ${letter.number}`);
    expect(toHead.entityType).toBe('DispositionAssignment');
    const headMail = readable((await mailed(toHead.id)).raw);
    expect(headMail).toContain('Yth. Kepala Dinas,');
    expect(headMail).toContain('Petugas TU mendisposisikan surat nomor');
    expect(headMail).toContain('perihal "Undangan rapat koordinasi data kepegawaian"');

    await api.gqlOk(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: letter.dispositions[0].assignments[0].id,
          assigneeIds: [org.division1.id],
          instructions: ['FOLLOW_UP', 'COORDINATE'],
          note: 'Siapkan data pegawai per bidang',
        },
      },
      org.head.token,
    );
    const toDivision = await notice(org.division1.token, 'disposition.received', 'Undangan rapat koordinasi data kepegawaian');
    expect(toDivision.title).toBe(`Disposisi baru dari Kepala Dinas: ${letter.number}`);
    expect(toDivision.body).toContain('Instruksi: Tindak lanjuti, Koordinasikan.');
    expect(toDivision.body).toContain('Catatan: "Siapkan data pegawai per bidang".');
    expect(toDivision.body).toMatch(/Batas waktu: \d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WIB\./);
    const { data } = await api.gql<{ notifications: { edges: { node: Notice }[] } }>(NOTIFICATIONS, {}, org.division1.token, {
      'accept-language': 'en',
    });
    const inEnglish = data!.notifications.edges.find((e) => e.node.id === toDivision.id)!.node;
    expect(inEnglish.title).toBe(`New disposition from Kepala Dinas: ${letter.number}`);
    expect(inEnglish.body).toContain('Instructions: Follow up, Coordinate.');
    expect(inEnglish.body).toMatch(/Due: \d{1,2} \w{3} \d{4}, \d{2}:\d{2} WIB\./);
    const divisionMail = readable((await mailed(toDivision.id)).raw);
    expect(divisionMail).toContain('Instruksi: Tindak lanjuti, Koordinasikan.');
    expect((await mailed(toDivision.id)).to).toEqual([org.division1.email]);
  });

  it('tells the assignee that a disposition was withdrawn', async () => {
    const letter = await register('Permintaan narasumber pelatihan', [org.head.id]);
    const { dispose } = await api.gqlOk<any>(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: letter.dispositions[0].assignments[0].id,
          assigneeIds: [org.division2.id],
          instructions: ['STUDY'],
        },
      },
      org.head.token,
    );
    await api.gqlOk('mutation($id: ID!) { withdrawDisposition(id: $id) { id } }', { id: dispose.id }, org.head.token);
    const withdrawn = await notice(org.division2.token, 'assignment.withdrawn', 'Permintaan narasumber pelatihan');
    expect(withdrawn.title).toBe(`Disposisi ditarik kembali: ${letter.number}`);
    expect(withdrawn.body).toContain('Kepala Dinas menarik kembali disposisi');
    expect(readable((await mailed(withdrawn.id)).raw)).toContain('tidak perlu menindaklanjutinya lagi');

    // The same notice, read by a client that asks for English; the e-mail stays in Indonesian.
    const english = await api.gql<{ notifications: { edges: { node: Notice }[] } }>(NOTIFICATIONS, {}, org.division2.token, {
      'accept-language': 'en',
    });
    const inEnglish = english.data!.notifications.edges.map((e) => e.node).find((n) => n.id === withdrawn.id)!;
    expect(inEnglish.title).toBe(`Disposition withdrawn: ${letter.number}`);
    expect(inEnglish.body).toContain('Kepala Dinas withdrew the disposition of letter number');
    expect(inEnglish.body).toContain('about "Permintaan narasumber pelatihan"');
    expect(inEnglish.body).toContain('You no longer need to follow it up.');
  });

  it('never names the subject of a SECRET letter, in the app or by e-mail', async () => {
    const letter = await register('Rencana mutasi pejabat eselon tiga', [org.head.id], 'SECRET');
    const secret = await notice(org.head.token, 'disposition.received', `${letter.number} (bersifat rahasia)`);
    expect(`${secret.title} ${secret.body}`).not.toContain('mutasi');
    expect(readable((await mailed(secret.id)).raw)).not.toContain('mutasi');
  });

  it('tells the reviewer a draft waits, the drafter it was returned or rejected with the comment, and signed', async () => {
    const returned = await draft('Laporan kegiatan bulan November');
    const waiting = await notice(org.division1.token, 'approval.waiting', 'Laporan kegiatan bulan November');
    expect(waiting.title).toBe('Menunggu paraf Anda: Laporan kegiatan bulan November');
    expect(waiting.body).toContain('dari Staf Bidang Satu menunggu paraf Anda sampai');
    await mailed(waiting.id);
    await api.gqlOk(
      DECIDE,
      { input: { stepId: returned.review, decision: 'RETURN', comment: 'Lengkapi lampiran anggaran' } },
      org.division1.token,
    );
    const back = await notice(org.staff.token, 'approval.returned', 'Lengkapi lampiran anggaran');
    expect(back.title).toBe('Konsep surat dikembalikan oleh Kepala Bidang Satu');
    expect(readable((await mailed(back.id)).raw)).toContain('Catatan: "Lengkapi lampiran anggaran".');

    const rejected = await draft('Permohonan pengadaan kendaraan');
    await api.gqlOk(
      DECIDE,
      { input: { stepId: rejected.review, decision: 'REJECT', comment: 'Anggaran tahun ini sudah habis' } },
      org.division1.token,
    );
    const no = await notice(org.staff.token, 'approval.rejected', 'Anggaran tahun ini sudah habis');
    expect(no.title).toBe('Konsep surat ditolak oleh Kepala Bidang Satu');
    await mailed(no.id);

    const signed = await draft('Undangan sosialisasi aplikasi Gesit', [org.division2.id]);
    await api.gqlOk(DECIDE, { input: { stepId: signed.review, decision: 'APPROVE' } }, org.division1.token);
    const toSign = await notice(org.head.token, 'approval.waiting', 'Undangan sosialisasi aplikasi Gesit');
    expect(toSign.title).toBe('Menunggu tanda tangan Anda: Undangan sosialisasi aplikasi Gesit');
    const steps = (await api.gqlOk<any>(STEPS, { id: signed.id }, org.staff.token)).letter.approvalSteps;
    const sign = steps.find((s: any) => s.order === 2);
    const number = (await api.gqlOk<any>(DECIDE, { input: { stepId: sign.id, decision: 'APPROVE' } }, org.head.token)).decideApproval.letter
      .number as string;
    const toDrafter = await notice(org.staff.token, 'letter.signed', number);
    expect(toDrafter.title).toBe(`Surat Anda telah ditandatangani: ${number}`);
    expect(toDrafter.body).toContain('telah ditandatangani oleh Kepala Dinas');
    expect(toDrafter.body).toContain('dikirim kepada penerima di Gesit');
    const toRecipient = await notice(org.division2.token, 'letter.signed', number);
    expect(toRecipient.title).toBe(`Surat masuk dari Kepala Dinas: ${number}`);
    expect(toRecipient.body).toContain('perihal "Undangan sosialisasi aplikasi Gesit"');
    await mailed(toDrafter.id);
    await mailed(toRecipient.id);
    // The recipient hears of the letter once, as a signed letter, not again as a bare disposition.
    await sleep(500);
    const { notifications } = await api.gqlOk<any>(NOTIFICATIONS, {}, org.division2.token);
    expect(notifications.edges.filter((e: any) => `${e.node.title} ${e.node.body}`.includes(number))).toHaveLength(1);
  });

  it('tells both the official and the appointee of a Plh, by e-mail too, and then the Plh of the official’s new work', async () => {
    await appointPlh(api, org.division1.token, org.division2.id);
    const toAppointee = await notice(org.division2.token, 'delegation.created', 'Anda ditunjuk sebagai Plh Kepala Bidang Satu');
    const toOfficial = await notice(org.division1.token, 'delegation.created', 'Kepala Bidang Dua ditunjuk sebagai Plh Anda');
    await mailed(toAppointee.id);
    await mailed(toOfficial.id);

    // From now on the Plh hears of the work that reaches the official's desk, as the official's.
    const letter = await register('Rapat evaluasi anggaran triwulan', [org.division1.id]);
    const toDeputy = await notice(org.division2.token, 'disposition.received', 'Rapat evaluasi anggaran triwulan');
    expect(toDeputy.title).toBe(`Disposisi baru untuk Kepala Bidang Satu dari Petugas TU: ${letter.number}`);
    expect(toDeputy.body).toContain('kepada Kepala Bidang Satu, yang sedang Anda wakili sebagai Plh/Plt.');
    await notice(org.division1.token, 'disposition.received', 'Rapat evaluasi anggaran triwulan');
    await mailed(toDeputy.id);
  });

  it('lists every kind with its channels, keeps IN_APP for work, and sends WhatsApp instead of e-mail when chosen', async () => {
    const { notificationPreferences } = await api.gqlOk<any>(PREFERENCES, {}, org.staff.token);
    expect(notificationPreferences).toEqual(
      expect.arrayContaining([
        { kind: 'disposition.received', channels: ['IN_APP', 'EMAIL'] },
        { kind: 'letter.signed', channels: ['IN_APP', 'EMAIL'] },
        // Hybrid work's notices are chosen the same way.
        { kind: 'task.assigned', channels: ['IN_APP', 'EMAIL'] },
        { kind: 'daily-report.reviewed', channels: ['IN_APP', 'EMAIL'] },
        { kind: 'work-arrangement.decided', channels: ['IN_APP', 'EMAIL'] },
      ]),
    );
    // WhatsApp needs a phone number first.
    const refused = await api.gql(SET_PREFERENCE, { kind: 'disposition.received', channels: ['WHATSAPP'] }, org.staff.token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('nomor telepon seluler');
    expect(errorCode(await api.gql(SET_PHONE, { phone: 'bukan nomor' }, org.staff.token))).toBe('BAD_USER_INPUT');
    expect((await api.gqlOk<any>(SET_PHONE, { phone: '0812-3456-7890' }, org.staff.token)).setMyPhone.phone).toBe('6281234567890');
    expect(errorCode(await api.gql(SET_PREFERENCE, { kind: 'disposisi', channels: ['EMAIL'] }, org.staff.token))).toBe('BAD_USER_INPUT');

    const set = await api.gqlOk<any>(SET_PREFERENCE, { kind: 'disposition.received', channels: ['WHATSAPP'] }, org.staff.token);
    expect(set.setNotificationPreference).toEqual({ kind: 'disposition.received', channels: ['IN_APP', 'WHATSAPP'] });
    expect((await api.gqlOk<any>(PREFERENCES, {}, org.staff.token)).notificationPreferences).toContainEqual({
      kind: 'disposition.received',
      channels: ['IN_APP', 'WHATSAPP'],
    });

    // The Cloud API fails once: the delivery is retried and the message goes out once.
    whatsapp.failNext = 1;
    const letter = await register('Pemutakhiran data aset daerah', [org.division1.id]);
    await api.gqlOk(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: letter.dispositions[0].assignments[0].id,
          assigneeIds: [org.staff.id],
          instructions: ['FOLLOW_UP'],
        },
      },
      org.division1.token,
    );
    const toStaff = await notice(org.staff.token, 'disposition.received', 'Pemutakhiran data aset daerah');
    const message = await until('the WhatsApp message', () =>
      whatsapp.received.find((m) => JSON.stringify(m.body).includes('Pemutakhiran data aset daerah')),
    );
    expect(message.path).toBe('/v21.0/106540352242922/messages');
    expect(message.authorization).toBe('Bearer uji-token-rahasia');
    expect(message.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '6281234567890',
      type: 'template',
      template: { name: 'gesit_notifikasi', language: { code: 'id' } },
    });
    expect(message.body.template.components[0].parameters.map((p: any) => p.text)).toEqual([toStaff.title, toStaff.body]);
    const dataSource = api.app.get(DataSource);
    const channels = () =>
      dataSource
        .query(`SELECT channel FROM notification_delivery WHERE notification_id = $1 AND status = 'sent' ORDER BY channel`, [toStaff.id])
        .then((rows: { channel: string }[]) => rows.map((r) => r.channel));
    await until('live and WhatsApp recorded', async () => ((await channels()).length === 2 ? true : undefined));
    await sleep(300);
    expect(await channels()).toEqual(['live', 'whatsapp']);
    expect(mailOf(toStaff.id)).toBeUndefined();
    expect(whatsapp.received.filter((m) => JSON.stringify(m.body).includes('Pemutakhiran data aset daerah'))).toHaveLength(1);
  });

  it('keeps a kind turned off entirely in the list as read, and neither pushes nor e-mails it', async () => {
    const off = await api.gqlOk<any>(SET_PREFERENCE, { kind: 'assignment.withdrawn', channels: [] }, org.staff.token);
    expect(off.setNotificationPreference.channels).toEqual([]);
    const letter = await register('Inventarisasi arsip inaktif', [org.division1.id]);
    const { dispose } = await api.gqlOk<any>(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: letter.dispositions[0].assignments[0].id,
          assigneeIds: [org.staff.id],
          instructions: ['FILE'],
        },
      },
      org.division1.token,
    );
    await api.gqlOk('mutation($id: ID!) { withdrawDisposition(id: $id) { id } }', { id: dispose.id }, org.division1.token);
    const withdrawn = await notice(org.staff.token, 'assignment.withdrawn', 'Inventarisasi arsip inaktif');
    const dataSource = api.app.get(DataSource);
    await until('the notice marked read', async () =>
      (await dataSource.query('SELECT 1 FROM notification WHERE id = $1 AND read_at IS NOT NULL', [withdrawn.id])).length
        ? true
        : undefined,
    );
    await sleep(500);
    expect(await dataSource.query('SELECT channel FROM notification_delivery WHERE notification_id = $1', [withdrawn.id])).toEqual([]);
    expect(mailOf(withdrawn.id)).toBeUndefined();
  });

  it('shows a notice outside working hours in the app at once and e-mails it at the start of the next working day, not before', async () => {
    // The other agency works Monday to Sunday except today (in WIB), 07:30–16:00: now is outside its hours.
    const todayIso = ((new Date(Date.now() + 7 * 3600_000).getUTCDay() + 6) % 7) + 1;
    await api.gqlOk(
      'mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { start } }',
      { input: { unitId: org.other, weekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== todayIso), start: '07:30', end: '16:00' } },
      admin,
    );
    const id = (await api.app.get(DataSource).transaction((em) =>
      api.app.get(NotificationsService).notify(em, {
        userId: org.stranger.id,
        kind: 'disposition.received',
        title: 'Disposisi baru: uji jam kerja',
        body: 'Malam hari',
      }),
    ))!;
    const inApp = await notice(org.stranger.token, 'disposition.received', 'uji jam kerja');
    expect(inApp.id).toBe(id);

    const queue = api.app.get(QueueRegistry).get(NOTIFICATIONS_QUEUE);
    const held = await until('the held delivery', async () => (await queue.getJob(`notification-${id}-held`)) ?? undefined);
    expect(await held.getState()).toBe('delayed');
    const runAt = new Date(held.timestamp + (held.opts.delay ?? 0));
    const wib = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
    const [runDate, runTime] = wib.format(runAt).split(', ');
    expect(runTime).toBe('07:30');
    expect(runDate > wib.format(new Date()).split(', ')[0]).toBe(true);
    await sleep(1_000);
    expect(mailOf(id)).toBeUndefined();

    // The morning comes (the delayed job is let go now): the e-mail goes, once.
    await held.promote();
    expect(readable((await mailed(id)).raw)).toContain('Malam hari');
    await sleep(300);
    expect(smtp.received.filter((m) => m.raw.includes(`notification-${id}@gesit`))).toHaveLength(1);
    const dataSource = api.app.get(DataSource);
    const heldUntil = async (of: string) =>
      (await dataSource.query('SELECT held_until FROM notification WHERE id = $1', [of]))[0].held_until;
    await until('the hold released', async () => ((await heldUntil(id)) === null ? true : undefined));
  });

  it('sends a held e-mail whose delayed job was lost with Redis, by the sweep, once its time has passed', async () => {
    const id = (await api.app
      .get(DataSource)
      .transaction((em) =>
        api.app
          .get(NotificationsService)
          .notify(em, { userId: org.stranger.id, kind: 'approval.waiting', title: 'Menunggu paraf Anda: uji sapuan', body: 'Tertahan' }),
      ))!;
    const queue = api.app.get(QueueRegistry).get(NOTIFICATIONS_QUEUE);
    const held = await until('the held delivery', async () => (await queue.getJob(`notification-${id}-held`)) ?? undefined);
    // Redis loses the delayed job; the morning has come and gone by more than the grace period.
    await held.remove();
    const dataSource = api.app.get(DataSource);
    await dataSource.query(`UPDATE notification SET held_until = now() - interval '6 minutes' WHERE id = $1`, [id]);
    expect(await worker.get(NotificationsService).sweepUndelivered()).toBeGreaterThanOrEqual(1);
    await worker.get(OutboxRelayService).drain();
    expect(readable((await mailed(id)).raw)).toContain('Tertahan');
    await until('the hold released', async () =>
      (await dataSource.query('SELECT held_until FROM notification WHERE id = $1', [id]))[0].held_until === null ? true : undefined,
    );
  });

  it('e-mails and sends WhatsApp to each person in the language they chose: English to one, Indonesian to the other', async () => {
    const SET_LANGUAGE = 'mutation($language: Language!) { setMyLanguage(language: $language) { id language } }';
    const english = org.division1;
    const indonesian = org.staff;
    expect((await api.gqlOk<any>('{ me { language } }', {}, english.token)).me.language).toBe('ID');
    expect((await api.gqlOk<any>(SET_LANGUAGE, { language: 'EN' }, english.token)).setMyLanguage.language).toBe('EN');
    expect((await api.gqlOk<any>('{ me { language } }', {}, english.token)).me.language).toBe('EN');
    const phones = new Map([
      [english.id, '6281100000001'],
      [indonesian.id, '6281100000002'],
    ]);
    for (const person of [english, indonesian]) {
      await api.gqlOk(SET_PHONE, { phone: phones.get(person.id) }, person.token);
      await api.gqlOk(SET_PREFERENCE, { kind: 'disposition.received', channels: ['EMAIL', 'WHATSAPP'] }, person.token);
    }
    try {
      const letter = await register('Laporan keterbukaan informasi publik', [english.id, indonesian.id]);
      const sent = async (person: typeof english) => {
        const { id } = await notice(person.token, 'disposition.received', 'Laporan keterbukaan informasi publik');
        const mail = readable((await mailed(id)).raw);
        const message = await until('the WhatsApp message', () => whatsapp.received.find((m) => m.body.to === phones.get(person.id)));
        return { mail, template: message.body.template, texts: message.body.template.components[0].parameters.map((p: any) => p.text) };
      };
      const en = await sent(english);
      expect(en.mail).toMatch(
        new RegExp(`^Subject: \\[Gesit\\] New disposition from Petugas TU: ${letter.number.replace(/[/.]/g, '\\$&')}`, 'm'),
      );
      expect(en.mail).toContain('Dear Kepala Bidang Satu,');
      expect(en.mail).toContain('to see the details and follow up.');
      expect(en.mail).not.toMatch(/Yth\.|Silakan|Disposisi/);
      expect(en.template).toMatchObject({ name: 'gesit_notifikasi', language: { code: 'en' } });
      expect(en.texts[0]).toBe(`New disposition from Petugas TU: ${letter.number}`);
      expect(en.texts.join(' ')).not.toMatch(/Disposisi|perihal/);

      const id = await sent(indonesian);
      expect(id.mail).toMatch(/^Subject: \[Gesit\] Disposisi baru dari Petugas TU/m);
      expect(id.mail).toContain('Yth. Staf Bidang Satu,');
      expect(id.template).toMatchObject({ name: 'gesit_notifikasi', language: { code: 'id' } });
      expect(id.texts[0]).toBe(`Disposisi baru dari Petugas TU: ${letter.number}`);
    } finally {
      await api.gqlOk(SET_LANGUAGE, { language: 'ID' }, english.token);
      for (const person of [english, indonesian])
        await api.gqlOk(SET_PREFERENCE, { kind: 'disposition.received', channels: ['EMAIL'] }, person.token);
    }
  });
});
