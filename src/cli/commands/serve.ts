// `primer serve` (what `npm start` runs): the whole Primer server. Flags beat environment variables.
import { Command } from 'commander';
import { defaultBackupSchedule, defaultServerLimits, startServer } from '../../server/index.js';
import { UsageError } from '../load-course.js';

interface ServeOptions {
  courses?: string;
  course?: string[];
  data?: string;
  host: string;
  port: string;
  config?: string;
  guest: boolean;
  origin?: string;
  trustProxy?: boolean;
  metricsToken?: string;
  turnsPerMinute?: string;
  messageChars?: string;
  backupHours?: string;
  backupDir?: string;
  backupsKept?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function serveCommand(): Command {
  const environment = process.env;
  return new Command('serve')
    .description('Run Primer: the web app for learners and teachers, the API, /healthz and /metrics. Serves the course folders (watched: edits are published as new versions), prints its URL, and on first start a one-time link to create the admin account. Ctrl-C stops it.')
    .option('--courses <dir>', "a folder of course folders (each holding course.yaml), or one course folder (env PRIMER_COURSES; default: this repository's courses/)", environment.PRIMER_COURSES)
    .option('--course <dir>', 'serve this course folder instead of --courses (repeat for several; env PRIMER_COURSE for one)', collect)
    .option('--data <dir>', 'PGlite data folder (env PRIMER_DATA; default ./primer-data); DATABASE_URL=postgres://… uses PostgreSQL instead')
    .option('--host <host>', 'address to listen on (env HOST); 0.0.0.0 for every interface', environment.HOST ?? '127.0.0.1')
    .option('--port <port>', 'port to listen on (env PORT); 0 picks a free port', environment.PORT ?? '3000')
    .option('--config <file>', 'primer.config.yaml with the model settings (default: PRIMER_CONFIG or ./primer.config.yaml; none: no-model mode)')
    .option('--no-guest', 'visitors need an account or an invitation (env PRIMER_GUEST=off); by default they can start the served courses as guests')
    .option('--origin <url>', 'the public URL people reach Primer at, used in links (env PRIMER_ORIGIN; default http://host:port)', environment.PRIMER_ORIGIN)
    .option('--trust-proxy', 'behind a reverse proxy: rate-limit by the client address in X-Real-IP or X-Forwarded-For (env PRIMER_TRUST_PROXY=on); never without a proxy, as anyone can send those headers')
    .option('--metrics-token <token>', 'require Authorization: Bearer <token> on /metrics (env PRIMER_METRICS_TOKEN); by default /metrics is open: restrict it at the proxy', environment.PRIMER_METRICS_TOKEN)
    .option('--turns-per-minute <n>', `messages one learner may send the tutor in a minute (env PRIMER_TURNS_PER_MINUTE; default ${defaultServerLimits.turnsPerMinute})`, environment.PRIMER_TURNS_PER_MINUTE)
    .option('--message-chars <n>', `the longest message to the tutor, in characters (env PRIMER_MESSAGE_CHARS; default ${defaultServerLimits.messageChars})`, environment.PRIMER_MESSAGE_CHARS)
    .option('--backup-hours <n>', `with PGlite, back up the data folder while serving, every n hours (env PRIMER_BACKUP_HOURS; default ${defaultBackupSchedule.everyHours}; 0 turns backups off)`, environment.PRIMER_BACKUP_HOURS)
    .option('--backup-dir <dir>', 'where backups go (env PRIMER_BACKUP_DIR; default: the data folder\'s name with -backups, e.g. ./primer-data-backups)', environment.PRIMER_BACKUP_DIR)
    .option('--backups-kept <n>', `how many of the newest backups are kept (env PRIMER_BACKUPS_KEPT; default ${defaultBackupSchedule.keep})`, environment.PRIMER_BACKUPS_KEPT)
    .action(async (options: ServeOptions) => runServe(options, environment));
}

async function runServe(options: ServeOptions, environment: NodeJS.ProcessEnv): Promise<void> {
  const port = parsePort(options.port);
  const guestOff = /^(off|false|0|no)$/i.test(environment.PRIMER_GUEST ?? '');
  if (options.origin && !/^https?:\/\/[^/]+/.test(options.origin)) throw new UsageError(`--origin must be a URL such as https://primer.example.org (got ${options.origin})`);
  const limits = {
    ...(options.turnsPerMinute !== undefined ? { turnsPerMinute: parseCount('--turns-per-minute', options.turnsPerMinute) } : {}),
    ...(options.messageChars !== undefined ? { messageChars: parseCount('--message-chars', options.messageChars) } : {}),
  };
  const backupHours = options.backupHours === undefined ? undefined : parseCount('--backup-hours', options.backupHours, 0);
  const backups =
    backupHours === 0
      ? false
      : {
          ...(backupHours !== undefined ? { everyHours: backupHours } : {}),
          ...(options.backupDir ? { folder: options.backupDir } : {}),
          ...(options.backupsKept !== undefined ? { keep: parseCount('--backups-kept', options.backupsKept) } : {}),
        };
  const server = await startServer({
    ...(options.courses ? { courses: options.courses } : {}),
    ...(options.course ? { course: options.course } : environment.PRIMER_COURSE ? { course: [environment.PRIMER_COURSE] } : {}), // a flag replaces the variable, never adds to it
    ...(options.data ? { data: options.data } : {}),
    ...(options.config ? { config: options.config } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    host: options.host,
    port,
    guest: options.guest && !guestOff,
    trustProxy: options.trustProxy ?? /^(on|true|1|yes)$/i.test(environment.PRIMER_TRUST_PROXY ?? ''),
    ...(options.metricsToken ? { app: { metricsToken: options.metricsToken } } : {}),
    limits,
    backups,
    environment,
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`${signal}: stopping Primer…`);
      process.off('SIGINT', stop).off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
  console.log('Primer stopped.');
}

function parseCount(flag: string, text: string, least = 1): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < least) throw new UsageError(`${flag} must be a whole number of ${least} or more (got ${text})`);
  return count;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got ${text})`);
  return port;
}
