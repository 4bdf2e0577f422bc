import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';
import { AppError } from '../lib/app-error.ts';
import { isSqliteBusy } from './sqlite-driver.ts';

/**
 * SQLite waits for a lock held by another process (a backup tool, a sqlite3 shell) *synchronously*:
 * with a long busy_timeout one locked write froze the whole event loop. So busy_timeout is short
 * (SQLITE_BUSY_TIMEOUT_MS) and a busy statement is retried here asynchronously, giving the single
 * connection back to other requests between attempts; after BUSY_BUDGET_MS the request is answered
 * 503 BUSY with a Retry-After header. Write transactions start with BEGIN IMMEDIATE, so the write
 * lock is taken up front (a busy BEGIN is safe to retry; a busy statement inside a transaction is not).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 20;
const BUSY_BUDGET_MS = 3000;
const RETRY_AFTER_SECONDS = 2;

const isBusy = isSqliteBusy;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function busyError(): AppError {
  return new AppError('BUSY', 'the database is locked by another process, retry shortly', {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

class BusyRetryingDriver implements Driver {
  private inTransaction = false;
  private readonly connection: DatabaseConnection;

  constructor(private readonly inner: Driver) {
    this.connection = {
      executeQuery: <R>(query: CompiledQuery) => this.execute<R>(query),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
        this.raw!.streamQuery<R>(query, chunkSize),
    };
  }

  private raw: DatabaseConnection | null = null;

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.raw = await this.inner.acquireConnection();
    return this.connection;
  }

  /** Runs `attempt` on the held connection; while busy, lets the connection go, waits, takes it back. */
  private async withRetries<T>(attempt: () => Promise<T>, mayRelease: boolean): Promise<T> {
    const start = Date.now();
    let wait = 10;
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        if (!isBusy(err)) {
          throw err;
        }
        if (!mayRelease || Date.now() - start + wait > BUSY_BUDGET_MS) {
          throw busyError();
        }
        await this.inner.releaseConnection(this.raw!);
        await sleep(wait);
        this.raw = await this.inner.acquireConnection();
        wait = Math.min(wait * 2, 250);
      }
    }
  }

  private execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.withRetries(() => this.raw!.executeQuery<R>(query), !this.inTransaction);
  }

  async beginTransaction(_connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await this.withRetries(() => this.raw!.executeQuery(CompiledQuery.raw('begin immediate')), true);
    this.inTransaction = true;
  }

  async commitTransaction(): Promise<void> {
    try {
      await this.raw!.executeQuery(CompiledQuery.raw('commit'));
    } catch (err) {
      throw isBusy(err) ? busyError() : err;
    } finally {
      this.inTransaction = false;
    }
  }

  async rollbackTransaction(): Promise<void> {
    this.inTransaction = false;
    await this.raw!.executeQuery(CompiledQuery.raw('rollback'));
  }

  releaseConnection(): Promise<void> {
    return this.inner.releaseConnection(this.raw!);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SQLite dialect with asynchronous retries of busy statements (see above). */
export class BusyRetryingSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new BusyRetryingDriver(super.createDriver());
  }
}
