import { ConfigError } from '@essaim/server';
import { Command, CommanderError, Option } from 'commander';
import { backup, restore } from './commands/backup.ts';
import { dbMigrate, dbRollback, dbStatus } from './commands/db.ts';
import { demo } from './commands/demo.ts';
import { networkAnalyze } from './commands/network-analyze.ts';
import { opinionsAnalyze } from './commands/opinions-analyze.ts';
import { start } from './commands/start.ts';
import { usersCreate, usersDisable, usersList, usersResetLink } from './commands/users.ts';
import { CliError, processIo } from './io.ts';
import { VERSION } from './version.ts';

/** Build the `essaim` command tree; exported so tests can parse argv without a process. */
export function buildProgram(): Command {
  const program = new Command('essaim')
    .description('Essaim — mobilise collective intelligence (intelligence collective)')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  const dbFlags = (cmd: Command) =>
    cmd
      .option('--data <dir>', 'data directory holding essaim.db (default ./data)')
      .option('--database-url <url>', 'postgres://… to use PostgreSQL (or set DATABASE_URL)');

  program
    .command('start')
    .description('serve the web app, API and WebSocket (SQLite in ./data unless a database URL is given)')
    .option('-p, --port <port>', 'port to listen on (default 4000, or PORT)')
    .option('--host <host>', 'interface to bind (default 0.0.0.0, or HOST)')
    .option('--data <dir>', 'data directory for the embedded SQLite database (default ./data)')
    .option('--database-url <url>', 'postgres://… to use PostgreSQL (or set DATABASE_URL)')
    .option('--redis-url <url>', 'redis://… to fan out across several instances (or set REDIS_URL)')
    .option('--public-url <url>', 'public origin, e.g. https://essaim.example.org (or set PUBLIC_URL)')
    .option(
      '--trust-proxy <value>',
      'proxies allowed to set X-Forwarded-*: off, a hop count or addresses (or TRUST_PROXY)',
    )
    .addOption(
      new Option('--log-level <level>', 'log level').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'silent',
      ]),
    )
    .option('--demo', 'load the French demo organisation first (idempotent)')
    .option('--metrics', 'serve Prometheus metrics at /metrics (or set ESSAIM_METRICS=1)')
    .action(async (opts) => start(opts, processIo));

  dbFlags(
    program.command('demo').description('load a realistic French demo organisation (idempotent)'),
  ).action(async (opts) => demo(opts, processIo));

  const db = program.command('db').description('database maintenance');
  dbFlags(db.command('migrate').description('apply pending migrations')).action(async (opts) =>
    dbMigrate(opts, processIo),
  );
  dbFlags(db.command('status').description('list migrations and whether they are applied')).action(
    async (opts) => dbStatus(opts, processIo),
  );
  dbFlags(db.command('rollback').description('undo the last applied migration')).action(async (opts) =>
    dbRollback(opts, processIo),
  );

  dbFlags(
    program
      .command('backup <file>')
      .description('back up the database: an online SQLite copy, or a PostgreSQL logical dump'),
  ).action(async (file: string, opts) => backup(file, opts, processIo));
  dbFlags(
    program.command('restore <file>').description('restore a backup into an empty database (server stopped)'),
  ).action(async (file: string, opts) => restore(file, opts, processIo));

  const users = program.command('users').description('accounts, for operators');
  dbFlags(users.command('create <email>').description('create an account (prints a generated password once)'))
    .requiredOption('--name <name>', 'display name')
    .option('--admin', 'make it an instance administrator')
    .option('--password <password>', 'set this password instead of generating one')
    .action(async (email: string, opts) => usersCreate(email, opts, processIo));
  dbFlags(users.command('list').description('list accounts')).action(async (opts) =>
    usersList(opts, processIo),
  );
  dbFlags(users.command('disable <email>').description('disable an account and end its sessions')).action(
    async (email: string, opts) => usersDisable(email, opts, processIo),
  );
  dbFlags(users.command('reset-link <email>').description('print a single-use password reset link'))
    .option('--public-url <url>', 'origin for the link (or set PUBLIC_URL)')
    .action(async (email: string, opts) => usersResetLink(email, opts, processIo));

  const network = program.command('network').description('organisational network analysis');
  network
    .command('analyze <edges>')
    .description('metrics, communities, roles and change agents from an edge list CSV (use - for stdin)')
    .option('--nodes <file>', 'node attributes CSV (id, department, consent, …)')
    .option('--directed', 'treat edges as directed')
    .option('--weighted', 'use the weight column (as a distance for betweenness, like networkx)')
    .option('--relation <name>', 'keep only edges of this relation')
    .option(
      '--change-agents <k>',
      'propose k change agents (IMM under the independent cascade model)',
      parseInteger,
    )
    .option('--seed <n>', 'random seed (results are deterministic for a seed)', parseInteger)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (edges: string, opts) => exitWith(await networkAnalyze({ edges, ...opts }, processIo)));

  const opinions = program.command('opinions').description('opinion mapping (Polis-style)');
  opinions
    .command('analyze [votes]')
    .description('map opinion groups from a Polis votes.csv (use - for stdin) or participants-votes.csv')
    .option('--participants-votes <file>', 'Polis participants-votes.csv, read when no votes.csv is given')
    .option('--comments <file>', 'Polis comments.csv (statement texts, moderation)')
    .option('--meta <ids>', 'comma-separated meta statement ids (e.g. demographic questions)', parseIdList)
    .option('--moderated <ids>', 'comma-separated statement ids to treat as moderated out', parseIdList)
    .addOption(
      new Option(
        '--inclusion <rule>',
        'who is grouped: replay the vote timestamps as Polis did, or final counts',
      )
        .choices(['replay', 'final'])
        .default('replay'),
    )
    .option('--seed <n>', 'random seed (results are deterministic for a seed)', parseInteger)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (votes: string, opts) =>
      exitWith(await opinionsAnalyze({ ...(votes === undefined ? {} : { votes }), ...opts }, processIo)),
    );
  return program;
}

function parseIdList(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

function parseInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new CliError(`expected an integer, got "${value}"`, 2);
  }
  return n;
}

/** Commands that compute an exit code (analysis commands) report it through this error. */
function exitWith(code: number): void {
  if (code !== 0) {
    throw new CliError('', code);
  }
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version'
        ? 0
        : err.exitCode || 2;
    }
    if (err instanceof ConfigError || err instanceof CliError) {
      if (err.message) {
        processIo.stderr(`essaim: ${err.message}\n`);
      }
      return err instanceof CliError ? err.exitCode : 1;
    }
    processIo.stderr(`essaim: ${(err as Error).message}\n`);
    return 1;
  }
}
