// npm run bench [-- --quick] [-- --only inbox,dispose] [-- --soak]
// Each scenario prints `name: figure (ratio to baseline)`. The inbox, dispose, upload and start-up
// scenarios start the built API, `reminders` the built worker (`npm run build` first). `npm run bench:seed`
// builds the data set the data scenarios use; they seed it themselves when it is missing (--quick: a tiny one).
import 'reflect-metadata';
import { render, type ScenarioResult } from './measure';
import { closeProduction } from './production';
import { signing } from './scenarios/signing';
import { startup } from './scenarios/startup';
import { sweep } from './scenarios/sweep';
import { inbox } from './scenarios/inbox';
import { dispose } from './scenarios/dispose';
import { reminders } from './scenarios/reminders';
import { upload } from './scenarios/upload';
import { workload } from './scenarios/workload';
import { dailyReport } from './scenarios/daily-report';
import { archiveSearch } from './scenarios/archive-search';
import { archiveImport } from './scenarios/archive-import';
import { ocr } from './scenarios/ocr';
import { webInbox } from './scenarios/web-inbox';
import { morning, soak } from './scenarios/morning';
import { loginBurst } from './scenarios/login-burst';

const scenarios: Record<string, (quick: boolean) => Promise<ScenarioResult[]>> = {
  sweep,
  inbox,
  dispose,
  reminders,
  signing,
  upload,
  startup,
  workload,
  'daily-report': dailyReport,
  'archive-search': archiveSearch,
  'archive-import': archiveImport,
  ocr,
  'web-inbox': webInbox,
  morning,
  'login-burst': loginBurst,
  soak,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  // The 10-minute soak runs only when asked for (--soak, or --only soak).
  const all = Object.keys(scenarios).filter((name) => name !== 'soak' || args.includes('--soak'));
  const only = onlyArg ? (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1]).split(',') : all;
  let failed = false;
  let current = 'bench';
  // A stray rejection or exception (a socket error nobody listened for) would otherwise end the run with
  // exit code 1 and no word of which scenario it came from.
  const stray = (kind: string) => (error: unknown) => {
    failed = true;
    console.error(`${current}: failed: ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  process.on('unhandledRejection', stray('unhandled rejection'));
  process.on('uncaughtException', stray('uncaught exception'));
  for (const name of only) {
    const scenario = scenarios[name];
    if (!scenario) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
    current = name;
    try {
      for (const result of await scenario(quick)) console.log(render(result));
    } catch (error) {
      failed = true;
      console.error(`${name}: failed: ${(error as Error).message}`);
    }
  }
  await closeProduction();
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`bench: failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
