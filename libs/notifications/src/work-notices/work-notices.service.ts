import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApprovalDecided, ApprovalStepOpened, LetterSigned } from '@gesit/approvals';
import { localTime } from '@gesit/calendar';
import {
  type DispositionAssignmentEntity,
  type DispositionCreated,
  DispositionLoaders,
  type DispositionWithdrawn,
  instructionLabel,
  isClassified,
  type LetterEntity,
  LetterDirection,
  LetterLoaders,
} from '@gesit/correspondence';
import { PeopleDirectory } from '@gesit/identity';
import { inTransaction, Loaders } from '@gesit/platform';
import { DeputyNotices } from '../deputy-notices.service';
import { NotificationsService, type NotifyInput } from '../notifications.service';
import {
  actorName,
  type Named,
  approvalRejectedText,
  approvalReturnedText,
  approvalWaitingText,
  assignmentWithdrawnText,
  dispositionReceivedText,
  letterSignedForDrafterText,
  letterSignedForRecipientText,
  type NoticeLetter,
} from './work-notice-texts';

const noticeLetter = (l: LetterEntity): NoticeLetter => ({
  number: l.number,
  agendaNumber: l.agendaNumber,
  subject: l.subject,
  classified: isClassified(l.securityLevel),
});

/**
 * Tells people about work that reaches their desk or changes under them. Everything is read first through
 * the owners' loaders (fresh per job), then the notices are written in one short transaction; each has a
 * dedupe key, so a job that runs again notifies nobody twice.
 */
@Injectable()
export class WorkNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: LetterLoaders,
    private readonly dispositions: DispositionLoaders,
    private readonly people: PeopleDirectory,
    private readonly deputyNotices: DeputyNotices,
    private readonly notifications: NotificationsService,
  ) {}

  private async send(inputs: NotifyInput[]): Promise<number> {
    if (!inputs.length) return 0;
    const ids = await inTransaction(this.dataSource, (em) => this.notifications.notifyMany(em, inputs));
    return ids.filter(Boolean).length;
  }

  private async actor(actorId: string, actingForId: string | null): Promise<Named> {
    const names = await this.people.names(actingForId ? [actorId, actingForId] : [actorId]);
    const name = names.get(actorId);
    if (!name) return { id: 'Seseorang', en: 'Someone' };
    return actorName(name, actingForId ? (names.get(actingForId) ?? null) : null);
  }

  async dispositionCreated(event: DispositionCreated): Promise<number> {
    const loaders = new Loaders();
    const [disposition, letter] = await Promise.all([
      this.dispositions.disposition(loaders).load(event.dispositionId),
      this.letters.letter(loaders).load(event.letterId),
    ]);
    if (!disposition || !letter || disposition.withdrawnAt) return 0;
    // A signed outgoing letter reaches its internal recipients this way: their notice is the letter.signed one.
    if (letter.direction === LetterDirection.OUTGOING && !disposition.parentAssignmentId) return 0;
    const from = await this.actor(disposition.senderId, disposition.actingForId);
    const deputies = await this.deputyNotices.deputies(
      loaders,
      event.assignments.map((a) => a.assigneeId),
    );
    const zones = await this.people.timeZones([...event.assignments.map((a) => a.assigneeId), ...[...deputies.values()].map((d) => d.id)]);
    const text = (dueAt: string, userId: string, forOfficial: string | null) =>
      dispositionReceivedText({
        letter: noticeLetter(letter),
        forOfficial,
        from,
        instructions: disposition.instructions.map((i) => instructionLabel(i)),
        instructionsEn: disposition.instructions.map((i) => instructionLabel(i, 'en')),
        note: disposition.note,
        dueLocal: localTime(new Date(dueAt), zones.get(userId)!),
        dueLocalEn: localTime(new Date(dueAt), zones.get(userId)!, 'en'),
      });
    return this.send(
      event.assignments.flatMap((a) => {
        const deputy = deputies.get(a.assigneeId);
        const about = { entityType: 'DispositionAssignment', entityId: a.id };
        return [
          { userId: a.assigneeId, ...text(a.dueAt, a.assigneeId, null), ...about, dedupeKey: `assignment-${a.id}-received` },
          ...(deputy
            ? [
                {
                  userId: deputy.id,
                  ...text(a.dueAt, deputy.id, deputy.official),
                  ...about,
                  dedupeKey: `assignment-${a.id}-received-${deputy.id}`,
                },
              ]
            : []),
        ];
      }),
    );
  }

  async dispositionWithdrawn(event: DispositionWithdrawn): Promise<number> {
    const loaders = new Loaders();
    const disposition = await this.dispositions.disposition(loaders).load(event.dispositionId);
    if (!disposition) return 0;
    const [letter, assignments] = await Promise.all([
      this.letters.letter(loaders).load(disposition.letterId),
      this.dispositions.assignment(loaders).loadMany(event.assignmentIds),
    ]);
    if (!letter) return 0;
    const from = await this.actor(disposition.senderId, disposition.actingForId);
    return this.send(
      assignments
        .filter((a): a is DispositionAssignmentEntity => !!a && !(a instanceof Error))
        .map((a) => ({
          userId: a.assigneeId,
          ...assignmentWithdrawnText({ letter: noticeLetter(letter), from }),
          entityType: 'Letter',
          entityId: letter.id,
          dedupeKey: `assignment-${a.id}-withdrawn`,
        })),
    );
  }

  async stepOpened(step: ApprovalStepOpened): Promise<number> {
    const loaders = new Loaders();
    const letter = await this.letters.letter(loaders).load(step.letterId);
    if (!letter) return 0;
    const deputy = (await this.deputyNotices.deputies(loaders, [step.approverId])).get(step.approverId);
    const [names, zones] = await Promise.all([
      this.people.names([letter.createdById]),
      this.people.timeZones(deputy ? [step.approverId, deputy.id] : [step.approverId]),
    ]);
    const text = (userId: string, forOfficial: string | null) =>
      approvalWaitingText({
        letter: noticeLetter(letter),
        forOfficial,
        step: step.kind,
        drafter: names.get(letter.createdById) ?? 'penyusun',
        dueLocal: step.dueAt ? localTime(new Date(step.dueAt), zones.get(userId)!) : null,
        dueLocalEn: step.dueAt ? localTime(new Date(step.dueAt), zones.get(userId)!, 'en') : null,
      });
    const about = { entityType: 'ApprovalStep', entityId: step.stepId };
    return this.send([
      { userId: step.approverId, ...text(step.approverId, null), ...about, dedupeKey: `step-${step.stepId}-waiting` },
      ...(deputy
        ? [{ userId: deputy.id, ...text(deputy.id, deputy.official), ...about, dedupeKey: `step-${step.stepId}-waiting-${deputy.id}` }]
        : []),
    ]);
  }

  async stepDecided(outcome: 'returned' | 'rejected', event: ApprovalDecided): Promise<number> {
    const letter = await this.letters.letter(new Loaders()).load(event.letterId);
    if (!letter) return 0;
    const notice = { letter: noticeLetter(letter), by: await this.actor(event.decidedById, event.actingForId), comment: event.comment };
    return this.send([
      {
        userId: letter.createdById,
        ...(outcome === 'returned' ? approvalReturnedText(notice) : approvalRejectedText(notice)),
        entityType: 'Letter',
        entityId: letter.id,
        dedupeKey: `step-${event.stepId}-${outcome}`,
      },
    ]);
  }

  async letterSigned(event: LetterSigned): Promise<number> {
    const loaders = new Loaders();
    const [letter, recipients] = await Promise.all([
      this.letters.letter(loaders).load(event.letterId),
      this.letters.recipients(loaders).load(event.letterId),
    ]);
    if (!letter) return 0;
    const signed = { ...noticeLetter(letter), number: event.number };
    const signer: Named = event.signerName ?? { id: 'penandatangan', en: 'the signer' };
    const others = [...new Set(recipients.map((r) => r.userId))].filter((id) => id !== letter.createdById);
    return this.send([
      {
        userId: letter.createdById,
        ...letterSignedForDrafterText({ letter: signed, signer, sent: recipients.length > 0 }),
        entityType: 'Letter',
        entityId: letter.id,
        dedupeKey: `letter-${letter.id}-signed-drafter`,
      },
      ...others.map((userId) => ({
        userId,
        ...letterSignedForRecipientText({ letter: signed, signer }),
        entityType: 'Letter',
        entityId: letter.id,
        dedupeKey: `letter-${letter.id}-signed-${userId}`,
      })),
    ]);
  }
}
