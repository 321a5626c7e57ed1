// Kysely over the PGlite worker (open-pglite-worker.ts). PGlite is one database session, so a
// transaction must have it to itself; but a statement outside a transaction need not wait for the
// one before it to come back to this thread: it is sent at once, and the worker runs statements in
// the order they arrive. A turn's first statement then waits only for the database, not also for this
// thread to get round to every reply before it.
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PgliteWorkerClient } from './open-pglite-worker.js';

export class PgliteWorkerDialect implements Dialect {
  constructor(private readonly client: PgliteWorkerClient) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteWorkerDriver(this.client);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

/**
 * Statements outside a transaction run side by side; a transaction waits until none is running,
 * then holds the session until it commits or rolls back. A waiting transaction goes first, so a
 * steady stream of single statements cannot hold it off.
 */
class PgliteWorkerDriver implements Driver {
  private running = 0; // statements outside a transaction sent and not yet answered
  private transaction: PgliteWorkerConnection | undefined; // the connection holding the session
  private transactionsWaiting = 0;
  private wakeUps: (() => void)[] = [];

  constructor(private readonly client: PgliteWorkerClient) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteWorkerConnection(this);
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    this.transactionsWaiting++;
    try {
      await this.until(() => this.transaction === undefined && this.running === 0);
    } finally {
      this.transactionsWaiting--;
    }
    this.transaction = connection as PgliteWorkerConnection;
    try {
      await this.send(CompiledQuery.raw(settings.isolationLevel ? `start transaction isolation level ${settings.isolationLevel}` : 'begin'));
    } catch (error) {
      this.endTransaction();
      throw error;
    }
  }

  async commitTransaction(): Promise<void> {
    try {
      await this.send(CompiledQuery.raw('commit'));
    } finally {
      this.endTransaction();
    }
  }

  async rollbackTransaction(): Promise<void> {
    try {
      await this.send(CompiledQuery.raw('rollback'));
    } finally {
      this.endTransaction();
    }
  }

  async destroy(): Promise<void> {
    await this.client.close();
  }

  /** Runs a statement: at once inside the connection's own transaction, otherwise beside any other statement outside one. */
  async execute<Row>(connection: PgliteWorkerConnection, query: CompiledQuery): Promise<QueryResult<Row>> {
    if (this.transaction === connection) return this.send(query);
    await this.until(() => this.transaction === undefined && this.transactionsWaiting === 0);
    this.running++;
    try {
      return await this.send(query);
    } finally {
      this.running--;
      this.wake();
    }
  }

  private async send<Row>(query: CompiledQuery): Promise<QueryResult<Row>> {
    const result = await this.client.query(query.sql, [...query.parameters]);
    return { rows: result.rows as Row[], ...(result.affectedRows ? { numAffectedRows: BigInt(result.affectedRows) } : {}) };
  }

  private endTransaction(): void {
    this.transaction = undefined;
    this.wake();
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) await new Promise<void>((resolve) => this.wakeUps.push(resolve));
  }

  private wake(): void {
    for (const wakeUp of this.wakeUps.splice(0)) wakeUp();
  }
}

class PgliteWorkerConnection implements DatabaseConnection {
  constructor(private readonly driver: PgliteWorkerDriver) {}

  executeQuery<Row>(query: CompiledQuery): Promise<QueryResult<Row>> {
    return this.driver.execute<Row>(this, query);
  }

  /** The whole result, handed out in chunks (the worker sends a result in one message). */
  async *streamQuery<Row>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<Row>> {
    const { rows } = await this.executeQuery<Row>(query);
    for (let start = 0; start < rows.length; start += chunkSize) yield { rows: rows.slice(start, start + chunkSize) };
  }
}
