import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDate, SlaPlanner, yearIn } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { PeopleDirectory } from '@gesit/identity';
import { AppConfig, badInput, conflict, FieldChecks, inTransaction, isUniqueViolation, isUuid, Principal } from '@gesit/platform';
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
    // Every bad field is reported at once: each check's refusal is collected, then thrown together.
    const checks = new FieldChecks();
    const number = checks.run(() => requiredText(input.number, 'number', 200), '');
    const subject = checks.run(() => requiredText(input.subject, 'subject', 1000), '');
    const senderName = checks.run(() => requiredText(input.senderName, 'senderName', 500), '');
    const fileIds = checks.run(() => distinctIds(input.fileIds, 'fileIds'), []);
    const addresseeIds = checks.run(() => distinctIds(input.addresseeIds, 'addresseeIds'), []);
    const receivedAt = input.receivedAt ?? new Date();
    if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      checks.add('receivedAt', { id: 'Waktu terima (receivedAt) ada di masa depan.', en: 'receivedAt lies in the future.' });
    if (!(await this.classification.get(input.classificationCode))) {
      checks.add('classificationCode', {
        id: `Kode klasifikasi ${input.classificationCode} tidak ada dalam pola klasifikasi; pilih salah satu dari classificationCodes.`,
        en: `Classification code ${input.classificationCode} is not in the scheme; pick one from classificationCodes.`,
      });
    }
    const clerk = (await this.people.placed([principal.userId])).get(principal.userId);
    if (!clerk)
      throw badInput({
        id: 'Akun Anda tidak memangku jabatan, jadi Gesit tidak tahu unit mana yang mengagendakan surat ini; hubungi ADMIN.',
        en: 'Your account holds no position, so Gesit cannot tell which unit registers this letter; ask an ADMIN.',
      });
    if (input.letterDate > localDate(receivedAt, clerk.timeZone))
      checks.add('letterDate', {
        id: 'Tanggal surat (letterDate) jatuh setelah hari surat diterima.',
        en: 'letterDate is after the day the letter was received.',
      });
    const addressees = await this.people.placed(addresseeIds.filter(isUuid));
    const missing = addresseeIds.filter((id) => !addressees.has(id));
    if (missing.length) {
      // Someone without a position cannot receive a letter; one who does not exist has no name to give.
      const names = await this.people.names(missing.filter(isUuid));
      const who = (unknown: string) => missing.map((id) => names.get(id) ?? unknown).join(', ');
      checks.add('addresseeIds', {
        id: `Tujuan surat ini tidak ada atau tidak memangku jabatan: ${who('pengguna tidak dikenal')}.`,
        en: `These addressees do not exist or hold no position: ${who('unknown user')}.`,
      });
    }
    const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds.filter(isUuid)) });
    const usable = new Set(
      files.filter((f) => f.uploadedById === principal.userId && f.contentType === 'application/pdf').map((f) => f.id),
    );
    const unusable = fileIds.filter((id) => !usable.has(id));
    if (unusable.length)
      checks.add('fileIds', {
        id: `${unusable.length} berkas bukan PDF yang Anda unggah. Unggah dulu pindaian suratnya dengan POST /files.`,
        en: `${unusable.length} of the files are not PDFs you uploaded. Upload the scan with POST /files first.`,
      });
    checks.done();
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
    return conflict(
      {
        id: `Surat ini sudah diagendakan dengan nomor agenda ${existing.agendaNumber}.`,
        en: `This letter is already registered with agenda number ${existing.agendaNumber}.`,
      },
      {
        agendaNumber: existing.agendaNumber,
        letterId: existing.id,
      },
    );
  }
}
