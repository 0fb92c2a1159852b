import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SlaPlanner } from '@gesit/calendar';
import {
  ClassificationService,
  LetterAccessService,
  LetterDirection,
  LetterEntity,
  LetterJournalService,
  LetterRecipientEntity,
  LetterStatus,
  requiredText,
} from '@gesit/correspondence';
import { FilesService, StoredFileEntity } from '@gesit/files';
import { AccessPolicyService, PeopleDirectory, Role } from '@gesit/identity';
import { badInput, conflict, FieldChecks, forbidden, inTransaction, isUuid, notFound, Principal } from '@gesit/platform';
import { planChain, stepOpened } from '../chain/approval-chain.rules';
import { contentSha256, type NormalisedContent, normaliseContent } from '../composition/letter-composition.rules';
import { LetterContentEntity } from '../composition/letter-content.entity';
import { LetterTemplatesService } from '../composition/letter-templates.service';
import { findPlaceholders } from '../pdf/text-layer';
import { LetterPdfWorkers } from '../signing/letter-pdf.workers';
import { ApprovalStepStatus } from '../chain/approval.enums';
import { ApprovalStepEntity } from '../chain/approval-step.entity';
import { type OutgoingLetter, OutgoingLetterEntity } from '../outgoing/outgoing-letter.entity';
import type { LetterContentInput } from '../composition/letter-composition.types';
import { CreateOutgoingDraftInput, ReviseDraftInput, SubmitForApprovalInput } from './outgoing-draft.inputs';

const MAX_EXTERNAL_RECIPIENTS = 50;

/** Drafts of outgoing letters (konsep) and their submission into an approval chain. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly classification: ClassificationService,
    private readonly planner: SlaPlanner,
    private readonly journal: LetterJournalService,
    private readonly people: PeopleDirectory,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
    private readonly files: FilesService,
    private readonly templates: LetterTemplatesService,
    private readonly pdfs: LetterPdfWorkers,
  ) {}

  async create(principal: Principal, input: CreateOutgoingDraftInput): Promise<LetterEntity> {
    // Every bad field is reported at once, those that need the database too.
    const checks = new FieldChecks();
    const subject = checks.run(() => requiredText(input.subject, 'subject', 1000), '');
    const drafter = (await this.people.placed([principal.userId])).get(principal.userId);
    if (!drafter)
      throw badInput({
        id: 'Akun Anda tidak memangku jabatan, jadi Gesit tidak tahu unit mana yang memberi nomor surat ini; hubungi ADMIN.',
        en: 'Your account holds no position, so Gesit cannot tell which unit numbers this letter; ask an ADMIN.',
      });
    if (!(await this.classification.get(input.classificationCode)))
      checks.add('classificationCode', {
        id: `Kode klasifikasi ${input.classificationCode} tidak ada dalam pola klasifikasi; pilih salah satu dari classificationCodes.`,
        en: `Classification code ${input.classificationCode} is not in the scheme; pick one from classificationCodes.`,
      });
    const revision = await checks.runAsync(() => this.revisionOf(principal, drafter.unitId, input), null);
    const recipientIds = [...new Set(input.internalRecipientIds ?? [])];
    const placed = await this.people.placed(recipientIds);
    const unknown = recipientIds.filter((id) => !placed.has(id));
    if (unknown.length) {
      const names = await this.people.names(unknown.filter(isUuid));
      const who = (nobody: string) => unknown.map((id) => names.get(id) ?? nobody).join(', ');
      checks.add('internalRecipientIds', {
        id: `Penerima ini tidak ada atau tidak memangku jabatan: ${who('pengguna tidak dikenal')}.`,
        en: `These recipients do not exist or hold no position: ${who('unknown user')}.`,
      });
    }
    const externalRecipients = (input.externalRecipients ?? []).map((r) => r.trim()).filter(Boolean);
    if (externalRecipients.length > MAX_EXTERNAL_RECIPIENTS || externalRecipients.some((r) => r.length > 500))
      checks.add('externalRecipients', {
        id: `Paling banyak ${MAX_EXTERNAL_RECIPIENTS} penerima eksternal, masing-masing paling panjang 500 karakter.`,
        en: `At most ${MAX_EXTERNAL_RECIPIENTS} external recipients of up to 500 characters each.`,
      });
    if (input.replyToLetterId) {
      const viewers = await this.policy.viewerIds(principal);
      const answered = await checks.runAsync(
        () => this.access.readable(viewers, input.replyToLetterId!).catch(() => notFoundField('replyToLetterId')),
        null,
      );
      if (answered && answered.direction !== LetterDirection.INCOMING)
        checks.add('replyToLetterId', { id: 'replyToLetterId harus surat masuk.', en: 'replyToLetterId must be an incoming letter.' });
    }
    checks.done();
    // There: `done` refused the input otherwise.
    const { draft, content } = revision!;
    return inTransaction(this.dataSource, async (em) => {
      const letter = em.create(LetterEntity, {
        id: randomUUID(),
        direction: LetterDirection.OUTGOING,
        kind: input.kind,
        status: LetterStatus.DRAFT,
        number: null,
        agendaNumber: null,
        subject,
        letterDate: null,
        senderName: null,
        classificationCode: input.classificationCode,
        securityLevel: input.securityLevel,
        urgency: input.urgency,
        receivedAt: null,
        dueAt: null,
        createdById: principal.userId,
        unitId: drafter.unitId,
      });
      await em.insert(LetterEntity, letter);
      await em.insert(OutgoingLetterEntity, {
        letterId: letter.id,
        revision: 1,
        draftFileId: draft?.id ?? null,
        externalRecipients,
        replyToLetterId: input.replyToLetterId ?? null,
      });
      if (content) await em.insert(LetterContentEntity, { letterId: letter.id, revision: 1, ...content });
      if (recipientIds.length) {
        await em.insert(
          LetterRecipientEntity,
          recipientIds.map((userId) => ({ letterId: letter.id, userId })),
        );
      }
      await this.journal.record(em, {
        letterId: letter.id,
        actorId: principal.userId,
        action: 'letter.drafted',
        entityType: 'Letter',
        entityId: letter.id,
        change: { subject, revision: 1, ...revisionFacts(draft, content), recipientIds, externalRecipients },
      });
      return letter;
    });
  }

  async revise(principal: Principal, input: ReviseDraftInput): Promise<LetterEntity> {
    const note = (input.note ?? '').trim() || null;
    const drafter = (await this.people.placed([principal.userId])).get(principal.userId);
    const { draft, content } = await this.revisionOf(principal, drafter?.unitId ?? null, input);
    const viewerIds = await this.policy.viewerIds(principal);
    return inTransaction(this.dataSource, async (em) => {
      const { letter, outgoing } = await this.lockOwnDraft(em, principal, viewerIds, input.letterId);
      if (letter.status !== LetterStatus.DRAFT && letter.status !== LetterStatus.RETURNED) {
        throw conflict({
          id: `Hanya draf atau surat yang dikembalikan yang dapat direvisi; surat ini berstatus ${letter.status}.`,
          en: `Only a draft or a returned letter can be revised; this one is ${letter.status}.`,
        });
      }
      const revision = outgoing.revision + 1;
      const draftFileId = draft?.id ?? null;
      await em.update(LetterEntity, { id: letter.id }, { status: LetterStatus.DRAFT });
      await em.update(OutgoingLetterEntity, { letterId: letter.id }, { revision, draftFileId });
      if (content) await em.insert(LetterContentEntity, { letterId: letter.id, revision, ...content });
      await this.journal.record(em, {
        letterId: letter.id,
        actorId: principal.userId,
        action: 'draft.revised',
        note,
        entityType: 'Letter',
        entityId: letter.id,
        change: { revision, ...revisionFacts(draft, content) },
      });
      return { ...letter, status: LetterStatus.DRAFT };
    });
  }

  async submit(principal: Principal, input: SubmitForApprovalInput): Promise<LetterEntity> {
    const plan = planChain(principal.userId, input.reviewerIds, input.signerId);
    const approverIds = plan.map((s) => s.approverId);
    const placed = await this.people.placed(approverIds);
    const unplaced = approverIds.filter((id) => !placed.has(id));
    if (unplaced.length) {
      const names = await this.people.names(unplaced.filter(isUuid));
      const who = (nobody: string) => unplaced.map((id) => names.get(id) ?? nobody).join(', ');
      throw badInput({
        id: `Pemeriksa dan penanda tangan harus memangku jabatan; ${who('pengguna tidak dikenal')} tidak.`,
        en: `Approvers must hold a position; ${who('an unknown user')} do(es) not.`,
      });
    }
    const signer = placed.get(input.signerId)!;
    if (!signer.roles.includes(Role.LEADER))
      throw badInput(
        { id: 'Penanda tangan harus LEADER (pejabat penanda tangan).', en: 'The signer must be a LEADER (pejabat penanda tangan).' },
        { field: 'signerId' },
      );
    for (const [i, reviewerId] of input.reviewerIds.entries()) {
      const later = input.reviewerIds.slice(i + 1);
      if (later.length && (await this.people.below(reviewerId, later)).size) {
        throw badInput(
          {
            id: 'Urutkan pemeriksa dari jabatan terendah ke atas: seorang pemeriksa datang sebelum atasannya.',
            en: 'List reviewers from the lowest rank up: a reviewer comes before those above them.',
          },
          { field: 'reviewerIds' },
        );
      }
    }
    const onBehalfOfId = input.onBehalfOfId ?? null;
    if (onBehalfOfId && !(await this.people.below(onBehalfOfId, [input.signerId])).has(input.signerId)) {
      throw badInput(
        {
          id: 'Penanda tangan a.n. menandatangani atas nama pejabat di atasnya dalam rantai komando; pejabat ini tidak demikian.',
          en: 'A signer signs a.n. (in the name of) an official above them in the chain of command; this one is not.',
        },
        {
          field: 'onBehalfOfId',
        },
      );
    }
    const now = new Date();
    const viewerIds = await this.policy.viewerIds(principal);
    const checkedDraftId = await this.checkUploadedDraft(principal, input.letterId);
    return inTransaction(this.dataSource, async (em) => {
      const { letter, outgoing } = await this.lockOwnDraft(em, principal, viewerIds, input.letterId);
      if (outgoing.draftFileId !== checkedDraftId)
        throw conflict({
          id: 'Draf surat ini baru saja diganti; kirim ulang untuk persetujuan.',
          en: 'This draft was just replaced; submit it again for approval.',
        });
      if (letter.status !== LetterStatus.DRAFT) {
        throw conflict({
          id:
            letter.status === LetterStatus.RETURNED
              ? 'Surat ini dikembalikan: unggah revisi baru dengan reviseDraft, lalu kirim lagi.'
              : `Hanya draf yang dapat dikirim untuk persetujuan; surat ini berstatus ${letter.status}.`,
          en:
            letter.status === LetterStatus.RETURNED
              ? 'This letter was returned: upload a new revision with reviseDraft, then submit it again.'
              : `Only a draft can be submitted; this one is ${letter.status}.`,
        });
      }
      await em
        .createQueryBuilder()
        .update(ApprovalStepEntity)
        .set({ status: ApprovalStepStatus.SUPERSEDED })
        .where('letter_id = :id AND status IN (:...open)', {
          id: letter.id,
          open: [ApprovalStepStatus.WAITING, ApprovalStepStatus.PENDING, ApprovalStepStatus.APPROVED],
        })
        .execute();
      const first = await this.planner.plan(placed.get(plan[0].approverId)!.unitId, letter.urgency, now, null, em);
      const steps = plan.map((s, i) =>
        em.create(ApprovalStepEntity, {
          id: randomUUID(),
          letterId: letter.id,
          revision: outgoing.revision,
          order: s.order,
          kind: s.kind,
          approverId: s.approverId,
          status: i === 0 ? ApprovalStepStatus.PENDING : ApprovalStepStatus.WAITING,
          decidedById: null,
          actingForId: null,
          decidedAt: null,
          comment: null,
          openedAt: i === 0 ? now : null,
          dueAt: i === 0 ? first.dueAt : null,
          dueSoonAt: i === 0 ? first.dueSoonAt : null,
          draftSha256: null,
        }),
      );
      await em.insert(ApprovalStepEntity, steps);
      await em.update(LetterEntity, { id: letter.id }, { status: LetterStatus.IN_REVIEW });
      await em.update(OutgoingLetterEntity, { letterId: letter.id }, { onBehalfOfId });
      await this.journal.record(em, {
        letterId: letter.id,
        actorId: principal.userId,
        action: 'letter.submitted',
        entityType: 'Letter',
        entityId: letter.id,
        change: { revision: outgoing.revision, steps: plan, onBehalfOfId },
        events: [stepOpened(steps[0])],
      });
      return { ...letter, status: LetterStatus.IN_REVIEW };
    });
  }

  /** The draft of a new revision: an uploaded PDF or composed content, exactly one of them. */
  private async revisionOf(
    principal: Principal,
    unitId: string | null,
    input: { draftFileId?: string | null; content?: LetterContentInput | null },
  ): Promise<{ draft: StoredFileEntity | null; content: NormalisedContent | null }> {
    if (Boolean(input.draftFileId) === Boolean(input.content)) {
      throw badInput(
        {
          id: 'Isi salah satu: draftFileId (draf PDF yang diunggah) atau content (surat disusun di Gesit), tidak keduanya.',
          en: 'Give one of them: draftFileId (an uploaded PDF draft) or content (a letter composed in Gesit), not both.',
        },
        {
          field: 'content',
        },
      );
    }
    if (input.draftFileId) return { draft: await this.ownPdf(principal, input.draftFileId), content: null };
    const content = normaliseContent(input.content!);
    if (!unitId)
      throw badInput({
        id: 'Akun Anda tidak memangku jabatan, jadi Gesit tidak tahu templat mana yang boleh Anda pakai; hubungi ADMIN.',
        en: 'Your account holds no position, so Gesit cannot tell which templates you may use; ask an ADMIN.',
      });
    await this.templates.usableBy(unitId, content.templateId);
    return { draft: null, content };
  }

  /**
   * An uploaded draft must show Gesit where the signature goes (${ttd}) in its text: refused now, with what
   * to add, rather than when the leader signs. Returns the draft file checked (null for a composed letter).
   */
  private async checkUploadedDraft(principal: Principal, letterId: string): Promise<string | null> {
    const letter = isUuid(letterId) ? await this.dataSource.getRepository(LetterEntity).findOneBy({ id: letterId }) : null;
    const outgoing = letter ? await this.dataSource.getRepository(OutgoingLetterEntity).findOneBy({ letterId: letter.id }) : null;
    // Someone else's letter: the transaction refuses it without telling anything about its draft.
    if (!outgoing?.draftFileId || letter!.createdById !== principal.userId) return outgoing?.draftFileId ?? null;
    const file = await this.dataSource.getRepository(StoredFileEntity).findOneByOrFail({ id: outgoing.draftFileId });
    const layer = await this.pdfs.textLayer(await this.files.readBytes(file));
    if (!layer.words.length) {
      throw badInput(
        {
          id: 'Draf PDF ini tidak memiliki lapisan teks (hasil pindai?), sehingga Gesit tidak dapat menemukan tempat nomor, tanggal dan tanda tangan. Unggah PDF yang dibuat dari pengolah kata dengan penanda ${nomor}, ${tanggal} dan ${ttd}, atau susun surat di Gesit.',
          en: 'This PDF draft has no text layer (a scan?), so Gesit cannot find where the number, date and signature go. Upload a PDF made in a word processor with the markers ${nomor}, ${tanggal} and ${ttd}, or compose the letter in Gesit.',
        },
        { field: 'letterId' },
      );
    }
    if (!findPlaceholders(layer).some((mark) => mark.name === 'ttd')) {
      throw badInput(
        {
          id: 'Draf PDF ini belum memuat penanda ${ttd}. Tulis ${ttd} di tempat tanda tangan (dan ${nomor}, ${tanggal} di tempat nomor dan tanggal), unggah sebagai revisi, lalu kirim lagi.',
          en: 'This PDF draft has no ${ttd} marker yet. Write ${ttd} where the signature goes (and ${nomor}, ${tanggal} where the number and date go), upload it as a revision, then submit again.',
        },
        { field: 'letterId' },
      );
    }
    return outgoing.draftFileId;
  }

  /** A PDF the caller uploaded. */
  private async ownPdf(principal: Principal, fileId: string): Promise<StoredFileEntity> {
    const file = isUuid(fileId) ? await this.dataSource.getRepository(StoredFileEntity).findOneBy({ id: fileId }) : null;
    if (!file || file.uploadedById !== principal.userId || file.contentType !== 'application/pdf') {
      throw badInput(
        {
          id: `Berkas ${file?.filename ?? 'itu'} bukan PDF yang Anda unggah; unggah dulu drafnya dengan POST /files.`,
          en: `File ${file?.filename ?? 'that'} is not a PDF you uploaded; upload the draft with POST /files first.`,
        },
        { field: 'draftFileId' },
      );
    }
    return file;
  }

  /** `viewerIds` of the caller, read before the transaction (the policy reads through the shared pool). */
  private async lockOwnDraft(em: EntityManager, principal: Principal, viewerIds: string[], letterId: string): Promise<OutgoingLetter> {
    const letter = isUuid(letterId)
      ? await em
          .getRepository(LetterEntity)
          .createQueryBuilder('l')
          .setLock('pessimistic_write')
          .where('l.id = :letterId', { letterId })
          .getOne()
      : null;
    if (!letter || !(await this.access.canRead(viewerIds, letter.id, em))) throw notFound({ id: 'Surat', en: 'Letter' });
    if (letter.direction !== LetterDirection.OUTGOING)
      throw badInput({
        id: 'Ini surat masuk; hanya draf surat keluar yang melalui persetujuan.',
        en: 'This is an incoming letter; only outgoing drafts go through approval.',
      });
    if (letter.createdById !== principal.userId)
      throw forbidden({
        id: 'Hanya pembuat draf yang dapat merevisi atau mengirim surat ini.',
        en: 'Only the drafter may revise or submit this letter.',
      });
    return { letter, outgoing: await em.findOneByOrFail(OutgoingLetterEntity, { letterId: letter.id }) };
  }
}

/** What the journal records about a revision's draft. */
function revisionFacts(draft: StoredFileEntity | null, content: NormalisedContent | null): Record<string, unknown> {
  return draft
    ? { draftFileId: draft.id, draftSha256: draft.sha256 }
    : { composed: true, templateId: content!.templateId, draftSha256: contentSha256(content!) };
}

function notFoundField(field: string): never {
  throw badInput({ id: `${field}: surat itu tidak ditemukan.`, en: `${field}: that letter was not found.` }, { field });
}
