import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDate, SlaPlanner, yearIn } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { PeopleDirectory } from '@gesit/identity';
import { AppConfig, badInput, conflict, inTransaction, isUniqueViolation, Principal } from '@gesit/platform';
import { ClassificationService } from '../classification/classification.service';
import { DispositionWriter } from '../dispositions/disposition-writer';
import { LetterJournalService } from '../letters/letter-journal.service';
import { LetterAddresseeEntity, LetterEntity, LetterFileEntity } from '../letters/letter.entity';
import { LetterDirection, LetterStatus } from '../letters/letter.enums';
import { NumberingService } from '../letters/numbering.service';
import { distinctIds, requiredText } from '../letters/registration.rules';
import { formatNumber } from '../numbering/number-format';
import { RegisterIncomingLetterInput } from './register-incoming-letter.input';

// A scanner's clock may run a little ahead of the server's.
const CLOCK_SKEW_MS = 5 * 60_000;

/** The clerk registers an incoming letter: agenda number, scans, addressees and their first assignments. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly planner: SlaPlanner,
    private readonly classification: ClassificationService,
    private readonly numbering: NumberingService,
    private readonly journal: LetterJournalService,
    private readonly people: PeopleDirectory,
    private readonly dispositions: DispositionWriter,
  ) {}

  async register(principal: Principal, input: RegisterIncomingLetterInput): Promise<LetterEntity> {
    const number = requiredText(input.number, 'number', 200);
    const subject = requiredText(input.subject, 'subject', 1000);
    const senderName = requiredText(input.senderName, 'senderName', 500);
    const fileIds = distinctIds(input.fileIds, 'fileIds');
    const addresseeIds = distinctIds(input.addresseeIds, 'addresseeIds');
    const receivedAt = input.receivedAt ?? new Date();
    if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('receivedAt lies in the future.', { field: 'receivedAt' });
    if (!(await this.classification.get(input.classificationCode))) {
      throw badInput(`Classification code ${input.classificationCode} is not in the scheme; pick one from classificationCodes.`, {
        field: 'classificationCode',
      });
    }
    const clerk = (await this.people.placed([principal.userId])).get(principal.userId);
    if (!clerk) throw badInput('Your account holds no position, so Gesit cannot tell which unit registers this letter; ask an ADMIN.');
    if (input.letterDate > localDate(receivedAt, clerk.timeZone))
      throw badInput('letterDate is after the day the letter was received.', { field: 'letterDate' });
    const addressees = await this.people.placed(addresseeIds);
    const missing = addresseeIds.filter((id) => !addressees.has(id));
    if (missing.length)
      throw badInput(`These addressees do not exist or hold no position: ${missing.join(', ')}.`, { field: 'addresseeIds' });
    const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds) });
    const usable = new Set(
      files.filter((f) => f.uploadedById === principal.userId && f.contentType === 'application/pdf').map((f) => f.id),
    );
    const unusable = fileIds.filter((id) => !usable.has(id));
    if (unusable.length)
      throw badInput(`These files are not PDFs you uploaded: ${unusable.join(', ')}. Upload the scan with POST /files first.`, {
        field: 'fileIds',
      });
    const plans = await Promise.all(
      [...addressees.values()].map((a) =>
        this.planner.plan(a.unitId, input.urgency, receivedAt).then((plan) => ({ assigneeId: a.id, ...plan })),
      ),
    );

    try {
      return await inTransaction(this.dataSource, async (em) => {
        const duplicate = await this.findDuplicate(em, senderName, number, input.letterDate);
        if (duplicate) throw this.duplicateError(duplicate);
        const year = yearIn(receivedAt, clerk.timeZone);
        const seq = await this.numbering.next(em, clerk.unitId, year, 'AGENDA');
        const letter = em.create(LetterEntity, {
          id: randomUUID(),
          direction: LetterDirection.INCOMING,
          kind: input.kind,
          status: LetterStatus.REGISTERED,
          number,
          agendaNumber: formatNumber(this.config.agendaNumberFormat, { seq, unitCode: clerk.unitCode, year, month: 1 }),
          subject,
          letterDate: input.letterDate,
          senderName,
          classificationCode: input.classificationCode,
          securityLevel: input.securityLevel,
          urgency: input.urgency,
          receivedAt,
          dueAt: new Date(Math.min(...plans.map((p) => p.dueAt.getTime()))),
          createdById: principal.userId,
          unitId: clerk.unitId,
        });
        await em.insert(LetterEntity, letter);
        await em.insert(
          LetterFileEntity,
          fileIds.map((fileId, position) => ({ letterId: letter.id, fileId, position })),
        );
        await em.insert(
          LetterAddresseeEntity,
          addresseeIds.map((userId) => ({ letterId: letter.id, userId })),
        );
        await this.journal.record(em, {
          letterId: letter.id,
          actorId: principal.userId,
          action: 'letter.registered',
          note: `Nomor agenda ${letter.agendaNumber}`,
          entityType: 'Letter',
          entityId: letter.id,
          change: {
            agendaNumber: letter.agendaNumber,
            number,
            senderName,
            subject,
            urgency: input.urgency,
            securityLevel: input.securityLevel,
            addresseeIds,
            fileIds,
          },
        });
        await this.dispositions.create(em, {
          letter,
          senderId: principal.userId,
          actingForId: null,
          parentAssignmentId: null,
          instructions: [],
          note: null,
          plans,
        });
        return letter;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'letter_incoming_identity_uq')) {
        const existing = await this.findDuplicate(this.dataSource.manager, senderName, number, input.letterDate);
        if (existing) throw this.duplicateError(existing);
      }
      throw error;
    }
  }

  private findDuplicate(em: EntityManager, senderName: string, number: string, letterDate: string): Promise<LetterEntity | null> {
    return em
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .where(
        `l.direction = 'INCOMING' AND lower(l.sender_name) = lower(:senderName) AND l.number = :number AND l.letter_date = :letterDate`,
        {
          senderName,
          number,
          letterDate,
        },
      )
      .getOne();
  }

  private duplicateError(existing: LetterEntity) {
    return conflict(`This letter is already registered with agenda number ${existing.agendaNumber}.`, {
      agendaNumber: existing.agendaNumber,
      letterId: existing.id,
    });
  }
}
