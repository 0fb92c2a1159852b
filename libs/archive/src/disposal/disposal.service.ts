import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager, In } from 'typeorm';
import { ZipFile } from 'yazl';
import { localDate } from '@gesit/calendar';
import { ClassificationCodeEntity, FinalDisposition } from '@gesit/correspondence';
import { FilesService } from '@gesit/files';
import { UnitEntity, UnitsService } from '@gesit/organisation';
import { PeopleDirectory } from '@gesit/identity';
import {
  AppConfig,
  AuditService,
  badInput,
  conflict,
  findOrNotFound,
  forbidden,
  inTransaction,
  isUuid,
  Loaders,
  notFound,
  OBJECT_STORAGE,
  ObjectStorage,
  Principal,
  type ConnectionShape,
  type Message,
} from '@gesit/platform';
import { DisposalKind, DisposalStatus, RecordPhase } from '../archive.enums';
import { textOrNull } from '../dossiers/dossier-rules';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossiersService } from '../dossiers/dossiers.service';
import { renderDocumentPdf } from '../records/document-pdf';
import { addYears, dayStartIn, needsNationalApproval } from '../retention/retention-dates';
import { ListedDossier, minutes, proposalList } from './disposal-documents';
import { DisposalProposalDossierEntity, DisposalProposalEntity } from './disposal-proposal.entity';
import { ProposeDisposalInput } from './disposal.types';
import { InstitutionSealService } from './institution-seal.service';

const OPEN: DisposalStatus[] = [DisposalStatus.PROPOSED, DisposalStatus.APPRAISED, DisposalStatus.APPROVED];
/** The final dispositions each kind of disposal may take: REVIEW codes go either way once the committee has appraised them. */
const FITS: Record<DisposalKind, FinalDisposition[]> = {
  [DisposalKind.DESTROY]: [FinalDisposition.DESTROY, FinalDisposition.REVIEW],
  [DisposalKind.TRANSFER]: [FinalDisposition.PERMANENT, FinalDisposition.REVIEW],
};
const KIND_WORD: Record<DisposalKind, string> = { [DisposalKind.DESTROY]: 'pemusnahan', [DisposalKind.TRANSFER]: 'penyerahan' };

/** SQL conditions (on dossier `d`) of a closed dossier whose retention has run out, not on hold and in no open proposal. */
export function candidateSql(kind: DisposalKind): string[] {
  return [
    'd.closed_at IS NOT NULL',
    'NOT d.legal_hold',
    `d.phase NOT IN ('DESTROYED', 'TRANSFERRED')`,
    `d.inactive_until <= (now() AT TIME ZONE (SELECT u.timezone FROM unit u WHERE u.id = d.unit_id))::date`,
    `EXISTS (SELECT 1 FROM classification_code c WHERE c.code = d.classification_code AND c.final_disposition IN (${FITS[kind].map((f) => `'${f}'`).join(', ')}))`,
    `NOT EXISTS (SELECT 1 FROM disposal_proposal_dossier pd JOIN disposal_proposal p ON p.id = pd.proposal_id
                 WHERE pd.dossier_id = d.id AND p.status IN (${OPEN.map((s) => `'${s}'`).join(', ')}))`,
  ];
}

/**
 * The disposal procedure (UU 43/2009; Perka ANRI 25/2012 and 37/2016): a clerk of the records unit proposes, the
 * committee named in the proposal appraises, the head of the organisation decides, a clerk executes. A legal
 * hold on any of its dossiers stops every step.
 */
@Injectable()
export class DisposalService {
  private readonly logger = new Logger(DisposalService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossiersService,
    private readonly people: PeopleDirectory,
    private readonly units: UnitsService,
    private readonly files: FilesService,
    private readonly seal: InstitutionSealService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  candidates(kind: DisposalKind, first?: number | null, after?: string | null): Promise<ConnectionShape<DossierEntity>> {
    return this.dossiers.list(null, first, after, candidateSql(kind));
  }

  async list(statuses?: DisposalStatus[] | null): Promise<DisposalProposalEntity[]> {
    return this.dataSource.getRepository(DisposalProposalEntity).find({
      where: statuses?.length ? { status: In(statuses) } : {},
      order: { proposedAt: 'DESC', id: 'DESC' },
      take: 200,
    });
  }

  async dossiersOf(proposalIds: readonly string[]): Promise<Map<string, DossierEntity[]>> {
    const links = await this.dataSource.getRepository(DisposalProposalDossierEntity).findBy({ proposalId: In([...proposalIds]) });
    const dossiers = new Map((await this.dossiers.findByIds(links.map((l) => l.dossierId))).map((d) => [d.id, d]));
    const grouped = new Map<string, DossierEntity[]>(proposalIds.map((id) => [id, []]));
    for (const link of links) grouped.get(link.proposalId)?.push(dossiers.get(link.dossierId)!);
    for (const list of grouped.values()) list.sort((a, b) => a.number.localeCompare(b.number));
    return grouped;
  }

  /**
   * A document of a disposal procedure (list, minutes, package, approval letter) is read by the archivists and
   * leaders who carry the procedure, and by the committee named in it.
   */
  async mayReadDocument(principal: Principal, fileId: string): Promise<boolean> {
    const rows: { committee_ids: string[] }[] = await this.dataSource.query(
      `SELECT committee_ids FROM disposal_proposal
        WHERE $1 IN (list_file_id, minutes_file_id, package_file_id, approval_letter_file_id)`,
      [fileId],
    );
    if (!rows.length) return false;
    return principal.roles.some((r) => r === 'CLERK' || r === 'LEADER') || rows.some((r) => r.committee_ids.includes(principal.userId));
  }

  async propose(principal: Principal, input: ProposeDisposalInput): Promise<DisposalProposalEntity> {
    const dossierIds = [...new Set(input.dossierIds)];
    const committeeIds = [...new Set(input.committeeIds)];
    if (!dossierIds.length)
      throw badInput(
        { id: 'Pilih paling sedikit satu berkas untuk diusulkan.', en: 'Choose at least one dossier to propose.' },
        { field: 'dossierIds' },
      );
    if (!committeeIds.length)
      throw badInput(
        { id: 'Sebutkan panitia penilai (paling sedikit satu orang).', en: 'Name the appraisal committee (at least one person).' },
        { field: 'committeeIds' },
      );
    const me = await this.dossiers.archivist(principal);
    const committee = await this.people.placed(committeeIds);
    const unknown = committeeIds.filter((id) => !committee.has(id));
    if (unknown.length)
      throw badInput(
        {
          id: `${unknown.length} anggota panitia tidak dikenal atau tidak memegang jabatan.`,
          en: `${unknown.length} committee member(s) are unknown or hold no position.`,
        },
        { field: 'committeeIds' },
      );
    if (committee.has(principal.userId))
      throw badInput({
        id: 'Pengusul tidak dapat menjadi anggota panitia penilai usulannya sendiri.',
        en: 'The proposer cannot sit on the appraisal committee of their own proposal.',
      });
    const listed = await this.listed(dossierIds);
    const pdf = await this.dossierListPdf(
      input.kind,
      me,
      [...committee.values()].map((p) => p.name),
      listed,
    );
    return inTransaction(this.dataSource, async (em) => {
      const dossiers = await this.locked(em, dossierIds);
      for (const d of dossiers) await this.dossiers.requireKeeper(me, d, em);
      this.refuseHolds(dossiers, 'diusulkan');
      const candidates = new Set<string>(
        (
          await em.query(`SELECT d.id FROM dossier d WHERE d.id = ANY($1::uuid[]) AND ${candidateSql(input.kind).join(' AND ')}`, [
            dossierIds,
          ])
        ).map((r: { id: string }) => r.id),
      );
      const refused = dossiers.filter((d) => !candidates.has(d.id));
      if (refused.length)
        throw badInput(
          {
            id:
              `Berkas ${refused.map((d) => d.number).join(', ')} belum dapat diusulkan untuk ${KIND_WORD[input.kind]}: ` +
              'berkas harus sudah ditutup, masa inaktifnya habis, kode klasifikasinya sesuai (musnah untuk pemusnahan, permanen untuk penyerahan), dan belum ada dalam usulan lain.',
            en:
              `Dossiers ${refused.map((d) => d.number).join(', ')} cannot be proposed for ${input.kind} yet: ` +
              'a dossier must be closed, its inactive period over, its classification fitting (destroy for destruction, permanent for transfer), and in no other proposal.',
          },
          { field: 'dossierIds' },
        );
      const list = await this.files.storeGenerated(em, {
        bytes: pdf,
        filename: `daftar-usul-${input.kind === DisposalKind.DESTROY ? 'musnah' : 'serah'}.pdf`,
        contentType: 'application/pdf',
        createdById: principal.userId,
      });
      const proposal = em.create(DisposalProposalEntity, {
        id: randomUUID(),
        kind: input.kind,
        status: DisposalStatus.PROPOSED,
        proposedById: principal.userId,
        proposedAt: new Date(),
        committeeIds,
        appraisalNote: null,
        appraisedById: null,
        decidedById: null,
        decisionNote: null,
        approvalLetterFileId: null,
        listFileId: list.id,
        minutesFileId: null,
        packageFileId: null,
        executedAt: null,
      });
      await em.insert(DisposalProposalEntity, proposal);
      await em.insert(
        DisposalProposalDossierEntity,
        dossierIds.map((dossierId) => ({ proposalId: proposal.id, dossierId })),
      );
      await this.record(em, principal.userId, proposal, 'disposal.proposed', {
        kind: input.kind,
        dossiers: dossiers.map((d) => d.number),
        committeeIds,
        listFileId: list.id,
      });
      return proposal;
    });
  }

  async appraise(principal: Principal, id: string, note: string): Promise<DisposalProposalEntity> {
    const opinion = this.text(note, { id: 'Pertimbangan panitia', en: "The committee's opinion" });
    if (!opinion)
      throw badInput(
        { id: 'Tuliskan pertimbangan tertulis panitia penilai.', en: "Write the appraisal committee's written opinion." },
        { field: 'note' },
      );
    return inTransaction(this.dataSource, async (em) => {
      const proposal = await this.lockedProposal(em, id);
      if (!proposal.committeeIds.includes(principal.userId))
        throw forbidden({
          id: 'Hanya anggota panitia penilai yang disebut dalam usulan ini yang dapat memberi pertimbangan.',
          en: 'Only members of the appraisal committee named in this proposal may give an opinion.',
        });
      this.expect(proposal, DisposalStatus.PROPOSED, 'dinilai');
      this.refuseHolds(await this.locked(em, await this.dossierIds(em, proposal.id)), 'dinilai');
      Object.assign(proposal, { status: DisposalStatus.APPRAISED, appraisalNote: opinion, appraisedById: principal.userId });
      await em.update(
        DisposalProposalEntity,
        { id: proposal.id },
        { status: proposal.status, appraisalNote: opinion, appraisedById: principal.userId },
      );
      await this.record(em, principal.userId, proposal, 'disposal.appraised', { note: opinion });
      return proposal;
    });
  }

  async decide(
    principal: Principal,
    id: string,
    approve: boolean,
    note: string | null | undefined,
    approvalLetterFileId: string | null | undefined,
  ): Promise<DisposalProposalEntity> {
    const decisionNote = this.text(note, { id: 'Catatan keputusan', en: 'The decision note' });
    const me = (await this.people.placed([principal.userId])).get(principal.userId);
    const letter = approvalLetterFileId ? await this.files.findReadable(principal, approvalLetterFileId) : null;
    if (letter && letter.contentType !== 'application/pdf')
      throw badInput(
        { id: `Surat persetujuan ${letter.filename} harus berupa PDF.`, en: `The approval letter ${letter.filename} must be a PDF.` },
        { field: 'approvalLetterFileId' },
      );
    return inTransaction(this.dataSource, async (em) => {
      const proposal = await this.lockedProposal(em, id);
      this.expect(proposal, DisposalStatus.APPRAISED, 'diputuskan');
      const dossiers = await this.locked(em, await this.dossierIds(em, proposal.id));
      this.refuseHolds(dossiers, 'diputuskan');
      const root = (await this.units.ancestry(dossiers[0].unitId, em)).at(-1)!;
      if (!me || !principal.roles.includes('LEADER') || me.unitId !== root) {
        const head = await em.findOneBy(UnitEntity, { id: root });
        throw forbidden({
          id: `Usulan ${KIND_WORD[proposal.kind]} arsip diputuskan oleh pimpinan ${head?.name ?? 'instansi'}.`,
          en: `A ${proposal.kind} proposal is decided by the head of ${head?.name ?? 'the agency'}.`,
        });
      }
      if (approve && proposal.kind === DisposalKind.DESTROY && !letter) {
        const codes = await em.findBy(ClassificationCodeEntity, { code: In(dossiers.map((d) => d.classificationCode)) });
        const long = dossiers.filter((d) => needsNationalApproval(codes.find((c) => c.code === d.classificationCode)!));
        if (long.length)
          throw badInput(
            {
              id: `Berkas ${long.map((d) => d.number).join(', ')} berretensi 10 tahun atau lebih: lampirkan surat persetujuan Kepala ANRI (approvalLetterFileId).`,
              en: `Dossiers ${long.map((d) => d.number).join(', ')} have a retention of 10 years or more: attach the approval letter of the Head of ANRI (approvalLetterFileId).`,
            },
            { field: 'approvalLetterFileId' },
          );
      }
      Object.assign(proposal, {
        status: approve ? DisposalStatus.APPROVED : DisposalStatus.REJECTED,
        decidedById: principal.userId,
        decisionNote,
        approvalLetterFileId: letter?.id ?? null,
      });
      await em.update(
        DisposalProposalEntity,
        { id: proposal.id },
        { status: proposal.status, decidedById: principal.userId, decisionNote, approvalLetterFileId: proposal.approvalLetterFileId },
      );
      await this.record(em, principal.userId, proposal, approve ? 'disposal.approved' : 'disposal.rejected', {
        note: decisionNote,
        approvalLetterFileId: proposal.approvalLetterFileId,
      });
      return proposal;
    });
  }

  async execute(principal: Principal, id: string): Promise<DisposalProposalEntity> {
    const me = await this.dossiers.archivist(principal);
    const current = await findOrNotFound(this.dataSource.manager, DisposalProposalEntity, id, { id: 'Usulan', en: 'Disposal proposal' });
    this.expect(current, DisposalStatus.APPROVED, 'dilaksanakan');
    const dossierIds = await this.dossierIds(this.dataSource.manager, current.id);
    this.refuseHolds(await this.dossiers.findByIds(dossierIds), 'dilaksanakan');
    const listed = await this.listed(dossierIds);
    const contents = await this.contents(dossierIds);
    if (current.kind === DisposalKind.DESTROY) {
      const locked = contents.filter((f) => f.retainUntil && f.retainUntil > new Date());
      if (locked.length)
        throw conflict({
          id: `Pemusnahan ditolak: masa kunci (object lock) berkas ini belum habis: ${locked
            .slice(0, 10)
            .map((f) => `${f.filename} (arsip "${f.title}", terkunci sampai ${f.retainUntil!.toISOString().slice(0, 10)})`)
            .join('; ')}${locked.length > 10 ? ` dan ${locked.length - 10} lainnya` : ''}.`,
          en: `Destruction refused: the object lock of these files has not ended: ${locked
            .slice(0, 10)
            .map((f) => `${f.filename} (record "${f.title}", locked until ${f.retainUntil!.toISOString().slice(0, 10)})`)
            .join('; ')}${locked.length > 10 ? ` and ${locked.length - 10} more` : ''}.`,
        });
    }
    const [decider] = current.decidedById ? await this.people.placed([current.decidedById]).then((m) => [...m.values()]) : [];
    const today = localDate(new Date(), me.timeZone);
    const unit = await this.units.byId(new Loaders()).load(me.unitId);
    const document = await renderDocumentPdf(
      minutes({
        kind: current.kind,
        unitName: unit?.name ?? me.unitCode,
        date: today,
        decidedBy: decider?.name ?? 'pimpinan',
        decisionNote: current.decisionNote,
        appraisalNote: current.appraisalNote ?? '',
        executedBy: me.name,
        dossiers: listed,
      }),
    );
    const signed = await this.seal.sign(
      document,
      current.kind === DisposalKind.DESTROY ? 'Berita acara pemusnahan arsip' : 'Berita acara penyerahan arsip statis',
    );
    // The transfer package is spooled to disk, never held whole in memory; the spool goes whatever happens.
    const spoolDir = current.kind === DisposalKind.TRANSFER ? await mkdtemp(join(tmpdir(), 'gesit-transfer-')) : null;
    try {
      const transferPackage = spoolDir ? await this.transferPackage(contents, spoolDir) : null;
      const executed = await inTransaction(this.dataSource, async (em) => {
        const proposal = await this.lockedProposal(em, id);
        this.expect(proposal, DisposalStatus.APPROVED, 'dilaksanakan');
        const dossiers = await this.locked(em, dossierIds);
        for (const d of dossiers) await this.dossiers.requireKeeper(me, d, em);
        this.refuseHolds(dossiers, 'dilaksanakan');
        const keepUntil = dayStartIn(addYears(today, this.config.archive.legalHoldRetentionYears), me.timeZone);
        const minutesFile = await this.files.storeGenerated(em, {
          bytes: signed,
          filename: `berita-acara-${KIND_WORD[proposal.kind]}.pdf`,
          contentType: 'application/pdf',
          createdById: principal.userId,
          retainUntil: keepUntil,
        });
        const packageFile = transferPackage
          ? await this.files.storeGenerated(em, {
              spool: transferPackage,
              filename: 'paket-penyerahan-arsip-statis.zip',
              contentType: 'application/zip',
              createdById: principal.userId,
              retainUntil: keepUntil,
            })
          : null;
        if (proposal.kind === DisposalKind.DESTROY) {
          await em.query(
            'DELETE FROM archive_record_page WHERE record_id IN (SELECT id FROM archive_record WHERE dossier_id = ANY($1::uuid[]))',
            [dossierIds],
          );
          await em.query(
            `UPDATE archive_record SET destroyed_at = now(), searchable_file_id = NULL, search_stemmed = NULL, search_exact = NULL, search_head = NULL, search_keys = NULL
              WHERE dossier_id = ANY($1::uuid[]) AND destroyed_at IS NULL`,
            [dossierIds],
          );
        }
        await em.update(
          DossierEntity,
          { id: In(dossierIds) },
          proposal.kind === DisposalKind.DESTROY ? { phase: RecordPhase.DESTROYED } : { phase: RecordPhase.TRANSFERRED, readOnly: true },
        );
        Object.assign(proposal, {
          status: DisposalStatus.EXECUTED,
          executedAt: new Date(),
          minutesFileId: minutesFile.id,
          packageFileId: packageFile?.id ?? null,
        });
        await em.update(
          DisposalProposalEntity,
          { id: proposal.id },
          {
            status: proposal.status,
            executedAt: proposal.executedAt,
            minutesFileId: minutesFile.id,
            packageFileId: proposal.packageFileId,
          },
        );
        await this.record(em, principal.userId, proposal, 'disposal.executed', {
          kind: proposal.kind,
          dossiers: listed.map((d) => d.number),
          records: contents.filter((c) => c.role === 'FILE').length,
          minutesFileId: minutesFile.id,
          packageFileId: proposal.packageFileId,
        });
        return proposal;
      });
      // Only once the tombstones are committed: a rolled-back execution must not have deleted anything.
      if (executed.kind === DisposalKind.DESTROY) await this.removeObjects(contents.map((c) => c.storageKey));
      return executed;
    } finally {
      if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
    }
  }

  private async removeObjects(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.storage.remove(key);
      } catch (error) {
        this.logger.error(`disposal: object ${key} could not be removed: ${(error as Error).message}`);
      }
    }
  }

  /** Every file the dossiers' live records hold, with its lock. */
  private async contents(dossierIds: string[]) {
    const rows: {
      recordId: string;
      title: string;
      dossierNumber: string;
      role: string;
      filename: string;
      storageKey: string;
      sha256: string;
      retainUntil: Date | null;
      classificationCode: string;
      documentDate: string;
      securityLevel: string;
      originality: string;
    }[] = await this.dataSource.query(
      `SELECT r.id AS "recordId", r.title, d.number AS "dossierNumber", x.role, f.filename, f.storage_key AS "storageKey", f.sha256,
              f.retain_until AS "retainUntil", r.classification_code AS "classificationCode", r.document_date::text AS "documentDate",
              r.security_level AS "securityLevel", r.originality
         FROM archive_record r JOIN dossier d ON d.id = r.dossier_id
         CROSS JOIN LATERAL (SELECT r.file_id AS file_id, 'FILE' AS role
                             UNION ALL SELECT r.searchable_file_id, 'SEARCHABLE' WHERE r.searchable_file_id IS NOT NULL
                             UNION ALL SELECT a.file_id, a.role FROM archive_record_file a WHERE a.record_id = r.id) x
         JOIN stored_file f ON f.id = x.file_id
        WHERE r.dossier_id = ANY($1::uuid[]) AND r.destroyed_at IS NULL
        ORDER BY d.number, r.archived_at, r.id, x.role`,
      [dossierIds],
    );
    return rows;
  }

  /**
   * The package for the national archive: every file, metadata.csv and a SHA-256 manifest, zipped as a stream
   * into a spool file in `dir` while it is hashed, each file read from storage only when its turn comes, so
   * that neither a file nor the package is ever whole in memory. Files are stored, not compressed again: scans
   * and PDFs are compressed already.
   */
  private async transferPackage(
    contents: Awaited<ReturnType<DisposalService['contents']>>,
    dir: string,
  ): Promise<{ path: string; size: number; sha256: string }> {
    const zip = new ZipFile();
    const csv = ['nomor_berkas,uraian,kode_klasifikasi,tanggal,tingkat_keamanan,tingkat_perkembangan,berkas,sha256'];
    const manifest: string[] = [];
    const safe = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '_');
    const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    for (const c of contents) {
      const path = `${safe(c.dossierNumber)}/${c.recordId}-${safe(c.filename)}`;
      zip.addReadStreamLazy(path, { compress: false }, (done) => {
        this.storage.get(c.storageKey).then(
          (stream) => done(null, stream),
          (error: unknown) => done(error, undefined as unknown as NodeJS.ReadableStream),
        );
      });
      csv.push(
        [c.dossierNumber, c.title, c.classificationCode, c.documentDate, c.securityLevel, c.originality, path, c.sha256]
          .map(quote)
          .join(','),
      );
      manifest.push(`${c.sha256}  ${path}`);
    }
    zip.addBuffer(Buffer.from(`${csv.join('\r\n')}\r\n`), 'metadata.csv');
    zip.addBuffer(Buffer.from(`${manifest.join('\n')}\n`), 'manifest-sha256.txt');
    zip.end();
    const path = join(dir, 'paket.zip');
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(zip.outputStream, measure, createWriteStream(path, { flags: 'wx' }));
    return { path, size, sha256: hash.digest('hex') };
  }

  private async listed(dossierIds: string[]): Promise<ListedDossier[]> {
    const rows: (ListedDossier & { activeYears: number; inactiveYears: number })[] = await this.dataSource.query(
      `SELECT d.number, d.title, d.classification_code AS "classificationCode", d.period_from::text AS "periodFrom", d.period_to::text AS "periodTo",
              d.physical_location AS "physicalLocation", c.active_years AS "activeYears", c.inactive_years AS "inactiveYears",
              (SELECT count(*)::int FROM archive_record r WHERE r.dossier_id = d.id) AS records
         FROM dossier d JOIN classification_code c ON c.code = d.classification_code
        WHERE d.id = ANY($1::uuid[]) ORDER BY d.number`,
      [dossierIds],
    );
    if (rows.length !== dossierIds.length) throw notFound({ id: 'Berkas', en: 'Dossier' });
    return rows.map((r) => ({ ...r, retention: `aktif ${r.activeYears} th, inaktif ${r.inactiveYears} th` }));
  }

  private async dossierListPdf(
    kind: DisposalKind,
    me: { name: string; unitId: string; unitCode: string; timeZone: string },
    committee: string[],
    listed: ListedDossier[],
  ) {
    const unit = await this.units.byId(new Loaders()).load(me.unitId);
    return renderDocumentPdf(
      proposalList({
        kind,
        unitName: unit?.name ?? me.unitCode,
        proposedBy: me.name,
        date: localDate(new Date(), me.timeZone),
        committee,
        dossiers: listed,
      }),
    );
  }

  private async locked(em: EntityManager, ids: string[]): Promise<DossierEntity[]> {
    const rows = await em
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id IN (:...ids)', { ids: ids.filter(isUuid).length ? ids.filter(isUuid) : ['00000000-0000-0000-0000-000000000000'] })
      .orderBy('d.id')
      .getMany();
    const missing = ids.filter((id) => !rows.some((d) => d.id === id));
    if (missing.length) throw notFound({ id: 'Berkas', en: 'Dossier' });
    return rows;
  }

  private lockedProposal(em: EntityManager, id: string): Promise<DisposalProposalEntity> {
    return findOrNotFound(em, DisposalProposalEntity, id, { id: 'Usulan', en: 'Disposal proposal' }, { lock: true });
  }

  private async dossierIds(em: EntityManager, proposalId: string): Promise<string[]> {
    return (await em.findBy(DisposalProposalDossierEntity, { proposalId })).map((l) => l.dossierId);
  }

  private refuseHolds(dossiers: DossierEntity[], step: string): void {
    const held = dossiers.filter((d) => d.legalHold);
    if (held.length)
      throw conflict({
        id: `Berkas ${held.map((d) => d.number).join(', ')} sedang ditahan (legal hold): usulan tidak dapat ${step}.`,
        en: `Dossiers ${held.map((d) => d.number).join(', ')} are under legal hold: the proposal cannot go on (${step}).`,
      });
  }

  private expect(proposal: DisposalProposalEntity, status: DisposalStatus, step: string): void {
    if (proposal.status !== status)
      throw conflict({
        id: `Usulan ${KIND_WORD[proposal.kind]} ini berstatus ${proposal.status}; hanya usulan berstatus ${status} yang dapat ${step}.`,
        en: `This ${proposal.kind} proposal is ${proposal.status}; only a proposal that is ${status} can go on (${step}).`,
      });
  }

  private text(value: string | null | undefined, label: Message): string | null {
    return textOrNull(value, label, 5000);
  }

  private record(em: EntityManager, actorId: string, proposal: DisposalProposalEntity, action: string, change: Record<string, unknown>) {
    return this.audit.record(em, { actorId, action, entityType: 'DisposalProposal', entityId: proposal.id, change });
  }
}
