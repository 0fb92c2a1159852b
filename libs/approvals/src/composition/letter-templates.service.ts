import { Injectable } from '@nestjs/common';
import { PeopleDirectory } from '@gesit/identity';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { UnitEntity, UnitsService } from '@gesit/organisation';
import { AuditService, badInput, FieldChecks, findOrNotFound, inTransaction, isUuid, notFound, Principal } from '@gesit/platform';
import type { LetterTemplateInput } from './letter-composition.types';
import { normaliseTemplate } from './letter-composition.rules';
import { LetterTemplateEntity } from './letter-template.entity';

/** Letter templates (kop surat) of units; a unit without its own uses the nearest one above it. */
@Injectable()
export class LetterTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: UnitsService,
    private readonly people: PeopleDirectory,
  ) {}

  async save(principal: Principal, id: string | null, input: LetterTemplateInput): Promise<LetterTemplateEntity> {
    // Every bad field is reported at once, those that need the database too.
    const checks = new FieldChecks();
    const template = normaliseTemplate(input, checks);
    return inTransaction(this.dataSource, async (em) => {
      await checks.runAsync(() => findOrNotFound(em, UnitEntity, template.unitId, { id: 'Unit', en: 'Unit' }), null, 'unitId');
      if (template.logoFileId) {
        const logo = isUuid(template.logoFileId) ? await em.findOneBy(StoredFileEntity, { id: template.logoFileId }) : null;
        if (!logo || (logo.contentType !== 'image/png' && logo.contentType !== 'image/jpeg'))
          checks.add('logoFileId', {
            id: 'Logo harus berkas PNG atau JPEG yang diunggah lewat POST /files.',
            en: 'The logo must be a PNG or JPEG file uploaded through POST /files.',
          });
      }
      checks.done();
      const existing = id ? await findOrNotFound(em, LetterTemplateEntity, id, { id: 'Templat surat', en: 'Letter template' }) : null;
      const saved = { id: existing?.id ?? randomUUID(), ...template };
      if (existing) await em.update(LetterTemplateEntity, { id: saved.id }, template);
      else await em.insert(LetterTemplateEntity, saved);
      await this.audit.record(em, {
        actorId: principal.userId,
        action: existing ? 'letter-template.changed' : 'letter-template.created',
        entityType: 'LetterTemplate',
        entityId: saved.id,
        change: { ...template },
      });
      return em.findOneByOrFail(LetterTemplateEntity, { id: saved.id });
    });
  }

  /** Templates of the unit and of the units above it, nearest first; the caller's unit when none is given. */
  async list(principal: Principal, unitId?: string | null): Promise<LetterTemplateEntity[]> {
    const unit = unitId ?? (await this.people.placed([principal.userId])).get(principal.userId)?.unitId;
    if (!unit) return [];
    if (!isUuid(unit)) throw notFound({ id: 'Unit', en: 'Unit' });
    return this.ofUnitAndAbove(unit);
  }

  async ofUnitAndAbove(unitId: string, em: EntityManager = this.dataSource.manager): Promise<LetterTemplateEntity[]> {
    const ancestry = await this.units.ancestry(unitId, em);
    const templates = await em.findBy(LetterTemplateEntity, { unitId: In(ancestry) });
    const depth = new Map(ancestry.map((id, i) => [id, i]));
    return templates.sort((a, b) => depth.get(a.unitId)! - depth.get(b.unitId)! || a.name.localeCompare(b.name, 'id'));
  }

  /** The template a draft of `unitId` may use: its unit's or one above it. */
  async usableBy(unitId: string, templateId: string): Promise<LetterTemplateEntity> {
    const template = isUuid(templateId) ? await this.dataSource.getRepository(LetterTemplateEntity).findOneBy({ id: templateId }) : null;
    if (!template || !(await this.units.ancestry(unitId)).includes(template.unitId)) {
      throw badInput(
        {
          id: 'Templat surat ini tidak ada atau bukan milik unit Anda atau unit di atasnya; pilih satu dari letterTemplates.',
          en: 'This letter template does not exist or belongs neither to your unit nor a unit above it; pick one from letterTemplates.',
        },
        {
          field: 'templateId',
        },
      );
    }
    return template;
  }

  /** Whether the file is a template's logo: printed on letters that go out, so anyone signed in may read it. */
  async isLogo(fileId: string): Promise<boolean> {
    return this.dataSource.getRepository(LetterTemplateEntity).existsBy({ logoFileId: fileId });
  }
}
