import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { LetterEntity } from '@gesit/correspondence';
import { FilesService, StoredFileEntity } from '@gesit/files';
import { inTransaction } from '@gesit/platform';
import type { OutgoingLetter, OutgoingLetterEntity } from '../outgoing/outgoing-letter.entity';
import { savePdf } from '../pdf/pdf-support';
import { letterNature } from './letter-composition.rules';
import { LetterContentEntity } from './letter-content.entity';
import { type ComposedLetter, layOutLetter } from './letter-layout';
import { LetterTemplateEntity } from './letter-template.entity';

/** A composed revision with its template and the logo's bytes, read before anything is rendered. */
export interface CompositionSource {
  content: LetterContentEntity;
  template: LetterTemplateEntity;
  logo: ComposedLetter['letterhead']['logo'];
}

/** Who signs, as the signing block prints it. */
export interface PrintedSigner {
  positionLines: string[];
  name: string;
  rank: string | null;
  nip: string;
}

/** What only signing knows: the number, the date, the seal and the footer. */
export interface Printed {
  number: string;
  date: string;
  signer: PrintedSigner;
  seal: ComposedLetter['seal'];
  footer: string | null;
}

/** A preview shows these where the number and date will go: the same placeholders an uploaded draft uses. */
export const PREVIEW_NUMBER = '${nomor}';
export const PREVIEW_DATE = '${tanggal}';

/** Composed letters: what they are made of, how they read, and their preview. */
@Injectable()
export class LetterComposerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FilesService,
  ) {}

  /** The revision's content, template and logo; null for a letter drafted as an uploaded PDF. */
  async source(outgoing: Pick<OutgoingLetterEntity, 'letterId' | 'revision'>): Promise<CompositionSource | null> {
    const content = await this.dataSource
      .getRepository(LetterContentEntity)
      .findOneBy({ letterId: outgoing.letterId, revision: outgoing.revision });
    if (!content) return null;
    const template = await this.dataSource.getRepository(LetterTemplateEntity).findOneByOrFail({ id: content.templateId });
    const logoFile = template.logoFileId
      ? await this.dataSource.getRepository(StoredFileEntity).findOneBy({ id: template.logoFileId })
      : null;
    const logo = logoFile
      ? { bytes: await this.files.readBytes(logoFile), type: logoFile.contentType === 'image/png' ? ('png' as const) : ('jpg' as const) }
      : null;
    return { content, template, logo };
  }

  /** The letter as printed. */
  compose(letter: Pick<LetterEntity, 'subject' | 'urgency'>, source: CompositionSource, printed: Printed): ComposedLetter {
    const { content, template } = source;
    return {
      paper: template.paperSize,
      letterhead: { lines: template.letterheadLines, logo: source.logo },
      number: printed.number,
      nature: letterNature(letter.urgency),
      attachments: content.attachmentsNote ?? '-',
      subject: letter.subject,
      addressee: content.addressee,
      addresseePlace: content.addresseePlace,
      body: content.body,
      placeAndDate: `${template.place}, ${printed.date}`,
      positionLines: printed.signer.positionLines,
      seal: printed.seal,
      signerName: printed.signer.name,
      signerRank: printed.signer.rank,
      signerNip: printed.signer.nip,
      carbonCopies: content.carbonCopies,
      footer: printed.footer,
    };
  }

  /**
   * The preview of the current revision, rendered on the first request and again when the signer or the
   * template changed since; null for an uploaded draft (its draft file is what it looks like).
   */
  async preview({ letter, outgoing }: OutgoingLetter, signer: PrintedSigner | null): Promise<StoredFileEntity | null> {
    const source = await this.source(outgoing);
    if (!source) return null;
    const shown = signer ?? { positionLines: ['[Jabatan penanda tangan]'], name: '[Nama penanda tangan]', rank: null, nip: '[NIP]' };
    const key = createHash('sha256')
      .update(JSON.stringify([shown, source.template.updatedAt.toISOString(), letter.subject, letter.urgency]))
      .digest('hex');
    if (source.content.previewFileId && source.content.previewKey === key) {
      return this.dataSource.getRepository(StoredFileEntity).findOneBy({ id: source.content.previewFileId });
    }
    const { doc } = await layOutLetter(
      this.compose(letter, source, {
        number: PREVIEW_NUMBER,
        date: PREVIEW_DATE,
        signer: shown,
        seal: null,
        footer: 'PRATINJAU: belum bernomor dan belum ditandatangani.',
      }),
    );
    const bytes = await savePdf(doc);
    return inTransaction(this.dataSource, async (em) => {
      const file = await this.files.storeGenerated(em, {
        bytes,
        filename: `pratinjau-${letter.id}-r${outgoing.revision}.pdf`,
        contentType: 'application/pdf',
        createdById: null,
      });
      const revision = { letterId: letter.id, revision: outgoing.revision };
      // Locked, so that of two renders at once the later one replaces the earlier: one preview per revision.
      const current = await em.findOne(LetterContentEntity, { where: revision, lock: { mode: 'pessimistic_write' } });
      await em.update(LetterContentEntity, revision, { previewFileId: file.id, previewKey: key });
      if (current?.previewFileId) await this.files.discardGenerated(em, current.previewFileId);
      return file;
    });
  }
}
