import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AppError, inTransaction } from '@gesit/platform';
import { Role } from '../users/role';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { bootstrapStep, BootstrapStep } from './bootstrap-step';
import { DEMO_PASSWORD } from './demo-organisation';
import { DemoOrganisationSeeder, SeededDemoAccount } from './demo-organisation.seeder';

// API processes may start together: one of them decides, the others then find users.
const IDENTITY_BOOTSTRAP_LOCK = 724_102;

/** On an empty database: the first ADMIN from BOOTSTRAP_ADMIN_*, or the demo organisation in development, or instructions. */
@Injectable()
export class IdentityBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly seeder: DemoOrganisationSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const done = await inTransaction(this.dataSource, async (em): Promise<{ step: BootstrapStep; accounts?: SeededDemoAccount[] }> => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [IDENTITY_BOOTSTRAP_LOCK]);
      const step = bootstrapStep({
        hasUsers: await em.exists(UserEntity),
        production: this.config.production,
        seedDemo: this.config.seedDemo,
        bootstrapAdmin: this.config.bootstrapAdmin !== null,
      });
      if (step === 'create-admin') await this.createAdmin(em);
      if (step === 'seed-demo') return { step, accounts: await this.seeder.seed(em) };
      return { step };
    });
    if (done.step === 'create-admin') {
      this.logger.log(
        `created the first administrator (NIP ${this.config.bootstrapAdmin?.nip}); they must set up two-factor sign-in at first sign-in`,
      );
    } else if (done.step === 'seed-demo') {
      this.logDemoAccounts(done.accounts ?? []);
    } else if (done.step === 'explain') {
      this.logger.warn(
        'There are no users yet. To create the first administrator set BOOTSTRAP_ADMIN_NIP (18 digits), BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD (at least 12 characters) and start again; the administrator then signs in and sets up two-factor sign-in.',
      );
    }
  }

  private async createAdmin(em: EntityManager): Promise<void> {
    const admin = this.config.bootstrapAdmin as NonNullable<AppConfig['bootstrapAdmin']>;
    try {
      await this.users.insert(em, null, {
        nip: admin.nip,
        email: admin.email,
        password: admin.password,
        name: 'Administrator',
        roles: [Role.ADMIN],
      });
    } catch (error) {
      if (error instanceof AppError)
        throw new Error(`BOOTSTRAP_ADMIN_*: the first administrator could not be created: ${error.message}`, { cause: error });
      throw error;
    }
  }

  private logDemoAccounts(accounts: SeededDemoAccount[]): void {
    const lines = accounts.map((a) => `  ${a.nip}  ${a.email.padEnd(38)} ${a.roles.join(',').padEnd(7)} ${a.title}`);
    this.logger.log(
      [
        `seeded the demo organisation (development only). Every account's password is ${DEMO_PASSWORD}; LEADER and ADMIN accounts set up TOTP at first sign-in.`,
        ...lines,
      ].join('\n'),
    );
  }
}
