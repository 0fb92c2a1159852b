import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { SlaPlanner } from '@gesit/calendar';
import { LetterAccessService, LetterEntity, LetterJournalService } from '@gesit/correspondence';
import { AccessPolicyService, PeopleDirectory } from '@gesit/identity';
import {
  type ConnectionShape,
  decodeCursor,
  findOrNotFound,
  forbidden,
  inTransaction,
  MICROSECOND_CURSOR,
  notFound,
  pageSize,
  Principal,
  toConnection,
} from '@gesit/platform';
import { contentSha256 } from '../composition/letter-composition.rules';
import { LetterContentEntity } from '../composition/letter-content.entity';
import { OutgoingLetterEntity } from '../outgoing/outgoing-letter.entity';
import { LetterSigningService } from '../signing/letter-signing.service';
import { assertOpenForDecision, decidedEvents, decisionComment, decisionOutcome, stepOpened } from './approval-chain.rules';
import { ApprovalDecision, ApprovalStepStatus } from './approval.enums';
import { DecideApprovalInput } from './approval.inputs';
import { ApprovalStepEntity } from './approval-step.entity';

/** Decisions on approval steps, one at a time, and the queue of steps waiting for someone. */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: SlaPlanner,
    private readonly journal: LetterJournalService,
    private readonly people: PeopleDirectory,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
    private readonly signing: LetterSigningService,
  ) {}

  async decide(principal: Principal, input: DecideApprovalInput): Promise<ApprovalStepEntity> {
    const step = await findOrNotFound(this.dataSource.manager, ApprovalStepEntity, input.stepId, {
      id: 'Langkah persetujuan',
      en: 'Approval step',
    });
    const acting = await this.policy.actingOn(principal, step.approverId);
    if (!acting) {
      if (await this.access.canRead(await this.policy.viewerIds(principal), step.letterId)) {
        throw forbidden({
          id: 'Langkah ini bukan bagian Anda untuk diputuskan: hanya pemberi persetujuannya atau Plh/Plt-nya yang berlaku yang dapat memutuskannya.',
          en: 'This step is not yours to decide: only the approver or their active Plh/Plt may decide it.',
        });
      }
      throw notFound({ id: 'Langkah persetujuan', en: 'Approval step' });
    }
    const comment = decisionComment(input.decision, input.comment);
    assertOpenForDecision(step);
    const outcome = decisionOutcome(input.decision, step.kind);
    // Everything slow (reading the draft, names and titles) happens before the transaction takes the number.
    const prepared = outcome.sign
      ? await this.signing.prepare(step, await this.approvedBefore(step), acting, {
          nik: input.nik ?? undefined,
          passphrase: input.passphrase ?? undefined,
        })
      : null;
    const now = new Date();

    return inTransaction(this.dataSource, async (em) => {
      const current = await em
        .getRepository(ApprovalStepEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: step.id })
        .getOne();
      // Steps are never deleted: the row read before the transaction is still there.
      if (!current) throw notFound({ id: 'Langkah persetujuan', en: 'Approval step' });
      const letter = await em.findOneByOrFail(LetterEntity, { id: step.letterId });
      const outgoing = await em.findOneByOrFail(OutgoingLetterEntity, { letterId: step.letterId });
      assertOpenForDecision(current, { status: letter.status, revision: outgoing.revision });
      const decided: ApprovalStepEntity = {
        ...current,
        status: outcome.step,
        decidedById: acting.actorId,
        actingForId: acting.actingForId,
        decidedAt: now,
        comment,
        draftSha256: input.decision === ApprovalDecision.APPROVE ? (prepared?.draftSha256 ?? (await this.draftSha256(em, outgoing))) : null,
      };
      await em.update(
        ApprovalStepEntity,
        { id: current.id },
        {
          status: decided.status,
          decidedById: decided.decidedById,
          actingForId: decided.actingForId,
          decidedAt: now,
          comment,
          draftSha256: decided.draftSha256,
        },
      );
      // The signature takes the letter number before any audit event: the same lock order as every other writer.
      const signed = prepared ? await this.signing.sign(em, letter, decided, prepared) : null;
      await this.journal.record(em, {
        letterId: letter.id,
        actorId: acting.actorId,
        actingForId: acting.actingForId,
        action: `approval.${decided.status.toLowerCase()}`,
        note: comment,
        entityType: 'ApprovalStep',
        entityId: current.id,
        change: { kind: current.kind, order: current.order, revision: current.revision, decision: input.decision, comment },
        events: decidedEvents(decided),
      });
      if (outcome.openNext) await this.openNext(em, current, now);
      else await this.closeLater(em, current);
      if (signed) await this.signing.deliver(em, letter, signed, acting);
      else if (outcome.letter) await em.update(LetterEntity, { id: letter.id }, { status: outcome.letter });
      return decided;
    });
  }

  /** The steps of this revision approved so far, as the approval sheet lists them. */
  private approvedBefore(step: ApprovalStepEntity): Promise<ApprovalStepEntity[]> {
    return this.dataSource.getRepository(ApprovalStepEntity).find({
      where: { letterId: step.letterId, revision: step.revision, status: ApprovalStepStatus.APPROVED },
      order: { order: 'ASC' },
    });
  }

  /** What a reviewer approved: the uploaded PDF's hash, or the composed content's. */
  private async draftSha256(em: EntityManager, outgoing: OutgoingLetterEntity): Promise<string | null> {
    if (outgoing.draftFileId) {
      const [row] = await em.query('SELECT sha256 FROM stored_file WHERE id = $1', [outgoing.draftFileId]);
      return row?.sha256 ?? null;
    }
    const content = await em.findOneBy(LetterContentEntity, { letterId: outgoing.letterId, revision: outgoing.revision });
    return content ? contentSha256(content) : null;
  }

  private async openNext(em: EntityManager, step: ApprovalStepEntity, now: Date): Promise<void> {
    const next = await em.findOneBy(ApprovalStepEntity, { letterId: step.letterId, revision: step.revision, order: step.order + 1 });
    if (!next) return;
    const letter = await em.findOneByOrFail(LetterEntity, { id: step.letterId });
    const approver = (await this.people.placed([next.approverId], em)).get(next.approverId);
    const plan = await this.planner.plan(approver?.unitId ?? null, letter.urgency, now, null, em);
    const opened = { ...next, status: ApprovalStepStatus.PENDING, openedAt: now, dueAt: plan.dueAt, dueSoonAt: plan.dueSoonAt };
    await em.update(
      ApprovalStepEntity,
      { id: next.id },
      { status: opened.status, openedAt: now, dueAt: plan.dueAt, dueSoonAt: plan.dueSoonAt },
    );
    await this.journal.record(em, {
      letterId: step.letterId,
      actorId: step.decidedById!,
      actingForId: step.actingForId,
      action: 'approval.opened',
      entityType: 'ApprovalStep',
      entityId: next.id,
      change: { order: next.order, kind: next.kind, approverId: next.approverId, dueAt: plan.dueAt },
      events: [stepOpened(opened)],
    });
  }

  /** After a RETURN or REJECT the rest of the chain will never open. */
  private async closeLater(em: EntityManager, step: ApprovalStepEntity): Promise<void> {
    await em
      .createQueryBuilder()
      .update(ApprovalStepEntity)
      .set({ status: ApprovalStepStatus.SUPERSEDED })
      .where('letter_id = :letterId AND revision = :revision AND status = :waiting', {
        letterId: step.letterId,
        revision: step.revision,
        waiting: ApprovalStepStatus.WAITING,
      })
      .execute();
  }

  /** PENDING steps of the caller and of the officials whose active Plh/Plt the caller holds, oldest first. */
  async queue(principal: Principal, first?: number | null, after?: string | null): Promise<ConnectionShape<ApprovalStepEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const me = await this.policy.viewerIds(principal);
    const params: unknown[] = [me, ApprovalStepStatus.PENDING];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (s.opened_at, s.id) > ($3::timestamptz, $4::uuid)`;
    }
    params.push(size + 1);
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `SELECT s.id, ${MICROSECOND_CURSOR('s.opened_at')} AS at FROM approval_step s
        WHERE s.approver_id = ANY($1::uuid[]) AND s.status = $2 ${keyset}
        ORDER BY s.opened_at, s.id LIMIT $${params.length}`,
      params,
    );
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM approval_step s WHERE s.approver_id = ANY($1::uuid[]) AND s.status = $2',
      [me, ApprovalStepStatus.PENDING],
    );
    const steps = await this.dataSource.getRepository(ApprovalStepEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(steps.map((s) => [s.id, s]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const ordered = rows.map((r) => byId.get(r.id)).filter((s): s is ApprovalStepEntity => Boolean(s));
    return toConnection(ordered, size, count, (s) => [at.get(s.id)!, s.id]);
  }
}
