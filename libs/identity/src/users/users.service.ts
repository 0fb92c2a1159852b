import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AuditService,
  byIdLoader,
  FieldChecks,
  findOrNotFound,
  inTransaction,
  isUniqueViolation,
  isUuid,
  Loaders,
  type Language,
  type Message,
  orderByKeys,
  throwFieldProblems,
} from '@gesit/platform';
import { PositionEntity, requireName } from '@gesit/organisation';
import { CreateUserInput } from './create-user.input';
import { looksLikeNip, parseNip } from './nip';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { checkPasswordPolicy, checkRoles, normaliseEmail, normalisePhone, optionalRank } from './user-rules';

/** `value` is the NIP, the e-mail address or the position's title; `holder` names who holds the position, when known. */
function takenText(what: 'nip' | 'email' | 'position', value: string, holder?: string): Message {
  if (what === 'nip') return { id: `Pengguna dengan NIP ${value} sudah ada.`, en: `A user with NIP ${value} already exists.` };
  if (what === 'email') return { id: `Pengguna dengan e-mail ${value} sudah ada.`, en: `A user with e-mail ${value} already exists.` };
  const by = holder ? { id: ` oleh ${holder}`, en: ` by ${holder}` } : { id: '', en: '' };
  return {
    id: `Jabatan ${value} sudah dipangku${by.id}; satu jabatan paling banyak dipangku satu orang.`,
    en: `The position ${value} is already held${by.en}; a position has one holder at most.`,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(actorId: string | null, input: CreateUserInput): Promise<UserEntity> {
    try {
      return await inTransaction(this.dataSource, (em) => this.insert(em, actorId, input));
    } catch (error) {
      // Two admins adding the same person at once: the unique indexes decide.
      const clash = (['nip', 'email', 'position'] as const).find((what) => isUniqueViolation(error, `app_user_${what}_key`));
      if (clash) {
        const value =
          clash === 'nip'
            ? parseNip(input.nip).nip
            : clash === 'email'
              ? normaliseEmail(input.email)
              : ((await this.dataSource.getRepository(PositionEntity).findOneBy({ id: input.positionId! }))?.title ?? '');
        throwFieldProblems(
          [{ field: clash === 'position' ? 'positionId' : clash, message: takenText(clash, value) }],
          undefined,
          'CONFLICT',
        );
      }
      throw error;
    }
  }

  /** Validates and adds a user inside the caller's transaction (also used to seed). */
  async insert(em: EntityManager, actorId: string | null, input: CreateUserInput): Promise<UserEntity> {
    // Every bad field is reported at once.
    const checks = new FieldChecks();
    const nip = checks.run(() => parseNip(input.nip).nip, '', 'nip');
    const name = checks.run(() => requireName(input.name, { id: 'Nama', en: 'Name' }), '', 'name');
    const email = checks.run(() => normaliseEmail(input.email), '', 'email');
    const roles = checks.run(() => checkRoles(input.roles), [], 'roles');
    const rank = checks.run(() => optionalRank(input.rank), null);
    checks.run(() => checkPasswordPolicy(input.password, { nip, email }), undefined, 'password');
    // Checked with the rest, so that the usual duplicate never reaches the database (whose error log would show the insert).
    const position = input.positionId
      ? await checks.runAsync(
          () => findOrNotFound(em, PositionEntity, input.positionId!, { id: 'Jabatan', en: 'Position' }),
          null,
          'positionId',
        )
      : null;
    const positionId = position?.id ?? null;
    const keys = [...(nip ? [{ nip }] : []), ...(email ? [{ email }] : []), ...(positionId ? [{ positionId }] : [])];
    const existing = keys.length ? await em.find(UserEntity, { where: keys }) : [];
    if (nip && existing.some((u) => u.nip === nip)) checks.add('nip', takenText('nip', nip), 'CONFLICT');
    if (email && existing.some((u) => u.email === email)) checks.add('email', takenText('email', email), 'CONFLICT');
    const holder = positionId && existing.find((u) => u.positionId === positionId);
    if (holder) checks.add('positionId', takenText('position', position!.title, holder.name), 'CONFLICT');
    checks.done();
    const user = em.create(UserEntity, {
      id: randomUUID(),
      nip,
      name,
      email,
      rank,
      roles,
      positionId,
      language: 'id',
      passwordHash: await this.hasher.hash(input.password),
      mfaEnabled: false,
      totpSecret: null,
      totpPendingSecret: null,
      totpLastTimeStep: null,
      failedLoginCount: 0,
      failedLoginWindowStart: null,
      lockedUntil: null,
      lastSignInAt: null,
    });
    await em.insert(UserEntity, user);
    await this.audit.record(em, {
      actorId,
      action: 'user.created',
      entityType: 'User',
      entityId: user.id,
      change: { nip, name, email, roles, positionId },
    });
    return user;
  }

  /** Sets or clears (null or blank) the caller's own mobile number, where WhatsApp notifications go. */
  async setPhone(userId: string, raw: string | null): Promise<UserEntity> {
    const phone = raw?.trim() ? normalisePhone(raw) : null;
    return inTransaction(this.dataSource, async (em) => {
      const user = await findOrNotFound(em, UserEntity, userId, { id: 'Pengguna', en: 'User' });
      if (user.phone === phone) return user;
      await em.update(UserEntity, { id: user.id }, { phone });
      await this.audit.record(em, {
        actorId: userId,
        action: 'user.phone-set',
        entityType: 'User',
        entityId: user.id,
        change: { phone },
      });
      return { ...user, phone };
    });
  }

  /** Sets the language of the caller's own e-mail and WhatsApp notices. */
  async setLanguage(userId: string, language: Language): Promise<UserEntity> {
    return inTransaction(this.dataSource, async (em) => {
      const user = await findOrNotFound(em, UserEntity, userId, { id: 'Pengguna', en: 'User' });
      if (user.language === language) return user;
      await em.update(UserEntity, { id: user.id }, { language });
      await this.audit.record(em, {
        actorId: userId,
        action: 'user.language-set',
        entityType: 'User',
        entityId: user.id,
        change: { language },
      });
      return { ...user, language };
    });
  }

  /** The account a sign-in identifier (NIP or e-mail address) names, if any. */
  findByIdentifier(identifier: string): Promise<UserEntity | null> {
    const repo = this.dataSource.getRepository(UserEntity);
    if (looksLikeNip(identifier)) return repo.findOneBy({ nip: identifier.replace(/\s+/g, '') });
    return repo.findOneBy({ email: identifier.trim().toLowerCase() });
  }

  async get(id: string): Promise<UserEntity> {
    return findOrNotFound(this.dataSource.manager, UserEntity, id, { id: 'Pengguna', en: 'User' });
  }

  byId(loaders: Loaders): DataLoader<string, UserEntity | null> {
    return byIdLoader(loaders, this.dataSource, UserEntity);
  }

  holderOf(loaders: Loaders): DataLoader<string, UserEntity | null> {
    return loaders.get(
      'identity.userByPosition',
      () =>
        new DataLoader(async (positionIds: readonly string[]) =>
          orderByKeys(
            positionIds,
            await this.dataSource.getRepository(UserEntity).findBy({ positionId: In(positionIds.filter(isUuid)) }),
            (u) => u.positionId as string,
          ),
        ),
    );
  }
}
