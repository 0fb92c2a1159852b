import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDate, localTime, monthIn, SlaPlanner, yearIn } from '@gesit/calendar';
import {
  type AssignmentPlan,
  DispositionWriter,
  LetterEntity,
  LetterFileEntity,
  LetterJournalService,
  LetterRecipientEntity,
  LetterStatus,
  NumberingService,
} from '@gesit/correspondence';
import { FilesService, StoredFileEntity } from '@gesit/files';
import { ActingContext, DelegationsService, PeopleDirectory, UserEntity } from '@gesit/identity';
import { PositionEntity, UnitEntity } from '@gesit/organisation';
import { AppConfig, badInput } from '@gesit/platform';
import { APPROVAL_EVENTS } from '../approval-events';
import { contentSha256 } from '../composition/letter-composition.rules';
import { type CompositionSource, LetterComposerService, type PrintedSigner } from '../composition/letter-composer.service';
import { NumberFormatService } from '../numbering/number-format.service';
import { numbersBySignerUnit, outgoingNumber } from '../numbering/outgoing-number';
import { signatureDigests } from '../pdf/pdf-signatures';
import { findPlaceholders, type PlaceholderMark } from '../pdf/text-layer';
import { OutgoingLetterEntity } from '../outgoing/outgoing-letter.entity';
import { newVerificationCode } from '../verification/verification-code';
import { ApprovalSheetEntity } from './approval-sheet.entity';
import { type ApprovalSheet, type ApprovalStep as SheetRow } from './letter-stamp';
import type { LetterPdfJob } from './letter-pdf.jobs';
import { signLetterPdf } from './letter-pdf.pipeline';
import { LetterPdfWorkers } from './letter-pdf.workers';
import { SIGNER, type SignRequest, type Signer } from './signer.port';
import { INSTITUTION_SEAL } from './signer.provider';
import { positionLines, printedDate, signedFooter } from './signing-line';

interface UnitRef {
  id: string;
  code: string;
  timeZone: string;
}

/** What the signature needs that can be read before the transaction takes the letter number. */
export interface PreparedSigning {
  /** A composed letter's content and template, or an uploaded draft with its placeholders. */
  draft: { kind: 'composed'; source: CompositionSource } | { kind: 'uploaded'; bytes: Buffer; marks: PlaceholderMark[] };
  draftSha256: string;
  /** The drafting unit: its format, its zone for the date. */
  unit: UnitRef;
  /** The unit of the official in whose name the letter goes out (a.n. / Plh. / in person). */
  signerUnit: UnitRef;
  format: string | null;
  signer: PrintedSigner;
  /** Signed a.n. an official above or as their Plh/Plt: the position lines differ from the signer's own title. */
  delegated: boolean;
  /** The position lines as printed, one per line of text: what the verification page shows. */
  signerPosition: string;
  /** Earlier steps of this revision, as the approval sheet shows them. */
  earlierRows: Omit<SheetRow, 'decidedAt'>[];
  earlierDecidedAt: Date[];
  actingForName: string | null;
  recipients: AssignmentPlan[];
  /** The incoming letter this one answers, told of its answer. */
  replyToLetterId: string | null;
  credentials: SignRequest['credentials'];
}

/** The signer's step as the chain decided it; signing reads no more of the chain than this. */
export interface SigningStep {
  letterId: string;
  revision: number;
  order: number;
  kind: 'REVIEW' | 'SIGN';
  decidedById: string | null;
  actingForId: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

export interface SignedLetter {
  number: string;
  fileId: string;
  sha256: string;
  approvalSheetFileId: string;
  signerName: string;
  recipients: AssignmentPlan[];
  replyToLetterId: string | null;
}

const DECISION_LABEL = 'Disetujui';
const SHEET_FOOTER = 'Lembar persetujuan internal: disimpan bersama surat, tidak dikirim kepada penerima.';
const SEAL_NAME = 'Segel instansi (Gesit)';

/** Numbers, lays out or stamps, signs and stores an outgoing letter when its signer approves, then delivers it. */
@Injectable()
export class LetterSigningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly files: FilesService,
    private readonly numbering: NumberingService,
    private readonly formats: NumberFormatService,
    private readonly planner: SlaPlanner,
    private readonly dispositions: DispositionWriter,
    private readonly journal: LetterJournalService,
    private readonly people: PeopleDirectory,
    private readonly delegations: DelegationsService,
    private readonly composer: LetterComposerService,
    @Inject(SIGNER) private readonly signer: Signer,
    @Inject(INSTITUTION_SEAL) private readonly seal: Signer,
    private readonly pdfs: LetterPdfWorkers,
  ) {}

  /** `earlier`: the steps of this revision approved before the signer's, in order. */
  async prepare(
    step: SigningStep,
    earlier: SigningStep[],
    acting: ActingContext,
    credentials: { nik?: string; passphrase?: string },
  ): Promise<PreparedSigning> {
    const em = this.dataSource.manager;
    const letter = await em.findOneByOrFail(LetterEntity, { id: step.letterId });
    const outgoing = await em.findOneByOrFail(OutgoingLetterEntity, { letterId: step.letterId });
    const unit = await em.findOneByOrFail(UnitEntity, { id: letter.unitId });
    const officialId = outgoing.onBehalfOfId ?? acting.actingForId ?? acting.actorId;
    const userIds = [acting.actorId, officialId, ...(acting.actingForId ? [acting.actingForId] : [])];
    for (const s of earlier) userIds.push(s.decidedById!, ...(s.actingForId ? [s.actingForId] : []));
    const users = new Map((await em.findBy(UserEntity, { id: In(userIds) })).map((u) => [u.id, u]));
    const positionIds = [acting.actorId, acting.actingForId, outgoing.onBehalfOfId].map((id) => (id ? users.get(id)?.positionId : null));
    const positions = new Map(
      (await em.findBy(PositionEntity, { id: In(positionIds.filter((id): id is string => Boolean(id))) })).map((p) => [p.id, p.title]),
    );
    const titleOf = (userId: string | null) => (userId ? (positions.get(users.get(userId)?.positionId ?? '') ?? null) : null);
    const actor = users.get(acting.actorId)!;
    const delegation = acting.actingForId ? await this.delegations.activeKind(acting.actingForId, acting.actorId, new Date()) : null;
    const lines = positionLines(delegation, titleOf(acting.actingForId), titleOf(outgoing.onBehalfOfId), titleOf(acting.actorId) ?? '');
    const official = (await this.people.placed([officialId])).get(officialId);
    const recipientIds = (await em.findBy(LetterRecipientEntity, { letterId: letter.id })).map((r) => r.userId);
    const placedRecipients = await this.people.placed(recipientIds);
    const now = new Date();
    const unitRef = { id: unit.id, code: unit.code, timeZone: unit.timezone };
    return {
      ...(await this.draftOf(outgoing)),
      unit: unitRef,
      signerUnit: official ? { id: official.unitId, code: official.unitCode, timeZone: official.timeZone } : unitRef,
      format: await this.formats.formatFor(em, unit.id),
      signer: { name: actor.name, nip: actor.nip, rank: actor.rank, positionLines: lines },
      delegated: Boolean(outgoing.onBehalfOfId || delegation),
      signerPosition: lines.join('\n'),
      earlierRows: earlier.map((s) => ({
        order: s.order,
        kind: s.kind,
        approver: users.get(s.decidedById!)?.name ?? '',
        actingFor: s.actingForId ? users.get(s.actingForId)?.name : undefined,
        decision: DECISION_LABEL,
        comment: s.comment ?? undefined,
      })),
      earlierDecidedAt: earlier.map((s) => s.decidedAt!),
      actingForName: acting.actingForId ? (users.get(acting.actingForId)?.name ?? null) : null,
      recipients: await Promise.all(
        [...placedRecipients.values()].map(async (r) => ({
          assigneeId: r.id,
          ...(await this.planner.plan(r.unitId, letter.urgency, now)),
        })),
      ),
      replyToLetterId: outgoing.replyToLetterId,
      credentials: credentials.nik ? { nik: credentials.nik, passphrase: credentials.passphrase } : undefined,
    };
  }

  /** The revision to sign: composed content, or the uploaded PDF with its placeholders found. */
  private async draftOf(outgoing: OutgoingLetterEntity): Promise<Pick<PreparedSigning, 'draft' | 'draftSha256'>> {
    const source = await this.composer.source(outgoing);
    if (source) return { draft: { kind: 'composed', source }, draftSha256: contentSha256(source.content) };
    const file = await this.dataSource.getRepository(StoredFileEntity).findOneByOrFail({ id: outgoing.draftFileId! });
    const bytes = await this.files.readBytes(file);
    const marks = findPlaceholders(await this.pdfs.textLayer(bytes));
    if (!marks.some((m) => m.name === 'ttd')) {
      throw badInput({
        id: 'Draf ini tidak memuat penanda ${ttd}, jadi Gesit tidak tahu di mana tanda tangan dicetak; drafter perlu mengunggah revisi.',
        en: 'This draft has no ${ttd} marker, so Gesit cannot tell where to print the signature; the drafter needs to upload a revision.',
      });
    }
    return { draft: { kind: 'uploaded', bytes, marks }, draftSha256: file.sha256 };
  }

  /**
   * Inside the decision's transaction: takes the number (held until commit), signs the letter and its
   * approval sheet, stores both; a failure rolls all of it back and gives the number back. The number must
   * be printed before the signature, so the signer runs while the number row is locked: a remote signer is
   * bounded by BSRE_TIMEOUT_MS, and the stored objects get their retention only after the commit. The
   * signer signs the letter only (one call to BSrE); the approval sheet, which stays inside, carries the
   * institution seal.
   */
  async sign(em: EntityManager, letter: LetterEntity, step: SigningStep, prepared: PreparedSigning): Promise<SignedLetter> {
    const now = step.decidedAt!;
    const zone = prepared.unit.timeZone;
    const retainUntil = new Date(now);
    retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + this.config.signing.retentionYears);
    const location = this.config.signing.location;
    // The approval sheet needs no number: sealed before the number row is locked, so that concurrent
    // signings of one unit wait on the lock only for the letter itself.
    const sheet = await this.pdfs.sealed(
      { kind: 'approval-sheet', sheet: this.sheetOf(letter, step, prepared), footer: SHEET_FOOTER },
      { reason: `Lembar persetujuan naskah dinas: ${letter.subject}`, location, signerName: SEAL_NAME },
    );
    const year = yearIn(now, zone);
    const numberedBy = numbersBySignerUnit(prepared.format) ? prepared.signerUnit : prepared.unit;
    const seq = await this.numbering.next(em, numberedBy.id, year, 'OUTGOING');
    const number = outgoingNumber(prepared.format, {
      seq,
      unitCode: prepared.unit.code,
      signerUnitCode: prepared.signerUnit.code,
      year,
      month: monthIn(now, zone),
      classificationCode: letter.classificationCode,
      securityLevel: letter.securityLevel,
    });
    const code = newVerificationCode();
    const verificationUrl = `${this.config.publicBaseUrl}/verify/${code}`;
    const footer = signedFooter(verificationUrl, this.signer.kind);
    const job = this.letterJob(letter, prepared, { number, date: printedDate(now, zone), code, verificationUrl, footer });
    const request = {
      reason: `Penandatanganan naskah dinas nomor ${number}`,
      location,
      signerName: prepared.signer.name,
      credentials: prepared.credentials,
    };
    // Sealed in a worker thread, ahead of other signings' approval sheets (the number row is locked);
    // a remote signer (BSrE) signs the PDF the thread made.
    const signed =
      this.signer === this.seal
        ? await this.pdfs.sealed(job, request, true)
        : await signLetterPdf(() => this.pdfs.unsigned(job, request, true), this.signer, request);
    // Written once but not yet under retention: that follows the commit (see storeGenerated).
    const sheetFile = await this.files.storeGenerated(em, {
      bytes: sheet.pdf,
      filename: `lembar-persetujuan-${letter.id}.pdf`,
      contentType: 'application/pdf',
      createdById: step.decidedById,
      retainUntil,
    });
    const file = await this.files.storeGenerated(em, {
      bytes: signed.pdf,
      filename: `${number.replace(/[^\w.-]+/g, '-')}.pdf`,
      contentType: 'application/pdf',
      createdById: step.decidedById,
      retainUntil,
    });
    await em.update(LetterEntity, { id: letter.id }, { number, letterDate: localDate(now, zone), status: LetterStatus.SIGNED });
    await em.update(
      OutgoingLetterEntity,
      { letterId: letter.id },
      {
        signedFileId: file.id,
        signedAt: now,
        signedSha256: signed.sha256,
        signatureSha256: signatureDigests(signed.pdf).at(-1) ?? null,
        verificationCode: code,
        signerName: prepared.signer.name,
        signerPosition: prepared.signerPosition,
      },
    );
    await em.insert(LetterFileEntity, { letterId: letter.id, fileId: file.id, position: 0 });
    await em.insert(ApprovalSheetEntity, { letterId: letter.id, fileId: sheetFile.id });
    return {
      number,
      fileId: file.id,
      sha256: signed.sha256,
      approvalSheetFileId: sheetFile.id,
      signerName: prepared.signer.name,
      recipients: prepared.recipients,
      replyToLetterId: prepared.replyToLetterId,
    };
  }

  /** The approval sheet: every step approved in this revision, the signer's last, and the hash of what they approved. */
  private sheetOf(letter: LetterEntity, step: SigningStep, prepared: PreparedSigning): ApprovalSheet {
    const zone = prepared.unit.timeZone;
    const rows: SheetRow[] = [
      ...prepared.earlierRows.map((row, i) => ({ ...row, decidedAt: localTime(prepared.earlierDecidedAt[i], zone) })),
      {
        order: step.order,
        kind: step.kind,
        approver: prepared.signer.name,
        actingFor: prepared.actingForName ?? undefined,
        decision: DECISION_LABEL,
        decidedAt: localTime(step.decidedAt!, zone),
        comment: step.comment ?? undefined,
      },
    ];
    return { title: letter.subject, draftRevision: step.revision, draftSha256: prepared.draftSha256, steps: rows };
  }

  /** The letter with its number, date, seal and footer, to make; the verification code goes into its keywords. */
  private letterJob(
    letter: LetterEntity,
    prepared: PreparedSigning,
    printed: { number: string; date: string; code: string; verificationUrl: string; footer: string },
  ): LetterPdfJob {
    const { draft } = prepared;
    if (draft.kind === 'uploaded') {
      return {
        kind: 'uploaded',
        draft: draft.bytes,
        verificationCode: printed.code,
        stamp: {
          marks: draft.marks,
          number: printed.number,
          date: printed.date,
          positionLines: prepared.delegated ? prepared.signer.positionLines : [],
          signerName: prepared.signer.name,
          signerRank: prepared.signer.rank,
          signerNip: prepared.signer.nip,
          verificationUrl: printed.verificationUrl,
          footer: printed.footer,
        },
      };
    }
    const composed = this.composer.compose(letter, draft.source, {
      number: printed.number,
      date: printed.date,
      signer: prepared.signer,
      seal: { url: printed.verificationUrl, caption: `Ditandatangani secara elektronik. Kode verifikasi: ${printed.code}` },
      footer: printed.footer,
    });
    return { kind: 'composed', letter: composed, verificationCode: printed.code };
  }

  /** Records the signature, puts the letter in the internal recipients' inboxes and tells the letter it answers. */
  async deliver(em: EntityManager, letter: LetterEntity, signed: SignedLetter, acting: ActingContext): Promise<void> {
    const actor = { actorId: acting.actorId, actingForId: acting.actingForId };
    await this.journal.record(em, {
      letterId: letter.id,
      ...actor,
      action: 'letter.signed',
      note: `Nomor ${signed.number}`,
      entityType: 'Letter',
      entityId: letter.id,
      change: {
        number: signed.number,
        signedFileId: signed.fileId,
        sha256: signed.sha256,
        approvalSheetFileId: signed.approvalSheetFileId,
        signer: this.signer.kind,
      },
      events: [
        APPROVAL_EVENTS.job('letter.signed', {
          letterId: letter.id,
          number: signed.number,
          signedFileId: signed.fileId,
          signerName: signed.signerName,
        }),
      ],
    });
    if (signed.recipients.length) {
      await this.dispositions.create(em, {
        letter,
        senderId: acting.actorId,
        actingForId: acting.actingForId,
        parentAssignmentId: null,
        instructions: [],
        note: null,
        plans: signed.recipients,
      });
      await em.update(LetterEntity, { id: letter.id }, { status: LetterStatus.SENT });
      await this.journal.record(em, {
        letterId: letter.id,
        ...actor,
        action: 'letter.sent',
        entityType: 'Letter',
        entityId: letter.id,
        change: { recipientIds: signed.recipients.map((r) => r.assigneeId) },
      });
    }
    if (signed.replyToLetterId) {
      await this.journal.record(em, {
        letterId: signed.replyToLetterId,
        ...actor,
        action: 'letter.answered',
        note: `Dijawab dengan surat nomor ${signed.number}`,
        entityType: 'Letter',
        entityId: signed.replyToLetterId,
        change: { replyLetterId: letter.id, number: signed.number },
      });
    }
  }
}
