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
import { AppConfig } from '@gesit/platform';
import { APPROVAL_EVENTS } from '../approval-events';
import { NumberFormatService } from '../numbering/number-format.service';
import { outgoingNumber } from '../numbering/outgoing-number';
import { newVerificationCode } from '../verification/verification-code';
import type { ApprovalStep as SheetRow } from './letter-stamp';
import { signLetterPdf } from './letter-pdf.pipeline';
import { SIGNER, type SignRequest, type Signer } from './signer.port';
import { printedDate, signingLine } from './signing-line';

/** What the signature needs that can be read before the transaction takes the letter number. */
export interface PreparedSigning {
  draft: Buffer;
  draftSha256: string;
  unit: { id: string; code: string; timeZone: string };
  format: string | null;
  signer: { name: string; nip: string; positionTitle: string };
  signingLine: string | undefined;
  /** Earlier steps of this revision, as the approval sheet shows them. */
  earlierRows: Omit<SheetRow, 'decidedAt'>[];
  earlierDecidedAt: Date[];
  actingForName: string | null;
  recipients: AssignmentPlan[];
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
  recipients: AssignmentPlan[];
}

const DECISION_LABEL = 'Disetujui';

/** Numbers, stamps, signs and stores an outgoing letter when its signer approves, then delivers it. */
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
    @Inject(SIGNER) private readonly signer: Signer,
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
    const draftFile = await em.findOneByOrFail(StoredFileEntity, { id: letter.draftFileId! });
    const unit = await em.findOneByOrFail(UnitEntity, { id: letter.unitId });
    const userIds = [
      acting.actorId,
      ...(acting.actingForId ? [acting.actingForId] : []),
      ...(letter.onBehalfOfId ? [letter.onBehalfOfId] : []),
    ];
    for (const s of earlier) userIds.push(s.decidedById!, ...(s.actingForId ? [s.actingForId] : []));
    const users = new Map((await em.findBy(UserEntity, { id: In(userIds) })).map((u) => [u.id, u]));
    const positionIds = [
      users.get(acting.actorId)?.positionId,
      acting.actingForId ? users.get(acting.actingForId)?.positionId : null,
      letter.onBehalfOfId ? users.get(letter.onBehalfOfId)?.positionId : null,
    ];
    const positions = new Map(
      (await em.findBy(PositionEntity, { id: In(positionIds.filter((id): id is string => Boolean(id))) })).map((p) => [p.id, p.title]),
    );
    const actor = users.get(acting.actorId)!;
    const officialTitle = acting.actingForId ? (positions.get(users.get(acting.actingForId)?.positionId ?? '') ?? null) : null;
    const recipientIds = (await em.findBy(LetterRecipientEntity, { letterId: letter.id })).map((r) => r.userId);
    const placedRecipients = await this.people.placed(recipientIds);
    const now = new Date();
    return {
      draft: await this.files.readBytes(draftFile),
      draftSha256: draftFile.sha256,
      unit: { id: unit.id, code: unit.code, timeZone: unit.timezone },
      format: await this.formats.formatFor(em, unit.id),
      signer: { name: actor.name, nip: actor.nip, positionTitle: positions.get(actor.positionId ?? '') ?? '' },
      signingLine: signingLine(
        acting.actingForId ? await this.delegations.activeKind(acting.actingForId, acting.actorId, new Date()) : null,
        officialTitle,
        letter.onBehalfOfId ? (positions.get(users.get(letter.onBehalfOfId)?.positionId ?? '') ?? null) : null,
      ),
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
      credentials: credentials.nik ? { nik: credentials.nik, passphrase: credentials.passphrase } : undefined,
    };
  }

  /**
   * Inside the decision's transaction: takes the number (held until commit), signs, stores; a failure rolls
   * all of it back and gives the number back. The number must be printed before the signature, so the
   * signer runs while the unit's number row is locked: a remote signer is bounded by BSRE_TIMEOUT_MS, and
   * the stored object gets its retention only after the commit.
   */
  async sign(em: EntityManager, letter: LetterEntity, step: SigningStep, prepared: PreparedSigning): Promise<SignedLetter> {
    const now = step.decidedAt!;
    const zone = prepared.unit.timeZone;
    const year = yearIn(now, zone);
    const seq = await this.numbering.next(em, prepared.unit.id, year, 'OUTGOING');
    const number = outgoingNumber(prepared.format, {
      seq,
      unitCode: prepared.unit.code,
      year,
      month: monthIn(now, zone),
      classificationCode: letter.classificationCode,
      securityLevel: letter.securityLevel,
    });
    const code = newVerificationCode();
    const signerPosition = prepared.signingLine ?? prepared.signer.positionTitle;
    const rows: SheetRow[] = [
      ...prepared.earlierRows.map((row, i) => ({ ...row, decidedAt: localTime(prepared.earlierDecidedAt[i], zone) })),
      {
        order: step.order,
        kind: step.kind,
        approver: prepared.signer.name,
        actingFor: prepared.actingForName ?? undefined,
        decision: DECISION_LABEL,
        decidedAt: localTime(now, zone),
        comment: step.comment ?? undefined,
      },
    ];
    const { pdf, sha256 } = await signLetterPdf(
      prepared.draft,
      {
        number,
        date: printedDate(now, zone),
        signingLine: prepared.signingLine,
        signerPositionTitle: prepared.signer.positionTitle,
        signerName: prepared.signer.name,
        signerNip: prepared.signer.nip,
        verificationUrl: `${this.config.publicBaseUrl}/verify/${code}`,
        verificationCode: code,
        approvalSheet: { title: letter.subject, draftRevision: letter.revision, draftSha256: prepared.draftSha256, steps: rows },
      },
      this.signer,
      {
        reason: `Penandatanganan naskah dinas nomor ${number}`,
        location: this.config.signing.location,
        signerName: prepared.signer.name,
        credentials: prepared.credentials,
      },
    );
    const retainUntil = new Date(now);
    retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + this.config.signing.retentionYears);
    // Written once but not yet under retention: that follows the commit (see storeGenerated).
    const file = await this.files.storeGenerated(em, {
      bytes: pdf,
      filename: `${number.replace(/[^\w.-]+/g, '-')}.pdf`,
      contentType: 'application/pdf',
      createdById: step.decidedById,
      retainUntil,
    });
    await em.update(
      LetterEntity,
      { id: letter.id },
      {
        number,
        letterDate: localDate(now, zone),
        status: LetterStatus.SIGNED,
        signedFileId: file.id,
        signedAt: now,
        signedSha256: sha256,
        verificationCode: code,
        signerName: prepared.signer.name,
        signerPosition,
      },
    );
    await em.insert(LetterFileEntity, { letterId: letter.id, fileId: file.id, position: 0 });
    return { number, fileId: file.id, sha256, recipients: prepared.recipients };
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
      change: { number: signed.number, signedFileId: signed.fileId, sha256: signed.sha256, signer: this.signer.kind },
      events: [APPROVAL_EVENTS.job('letter.signed', { letterId: letter.id, number: signed.number, signedFileId: signed.fileId })],
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
    if (letter.replyToLetterId) {
      await this.journal.record(em, {
        letterId: letter.replyToLetterId,
        ...actor,
        action: 'letter.answered',
        note: `Dijawab dengan surat nomor ${signed.number}`,
        entityType: 'Letter',
        entityId: letter.replyToLetterId,
        change: { replyLetterId: letter.id, number: signed.number },
      });
    }
  }
}
