export { parallelBetweenness, parallelPathCentralities } from './analysis/network-parallel.ts';
export { ConfigError, type ConfigInput, loadConfig, type ServerConfig } from './config.ts';
export { connectDatabase, type DbHandle } from './db/connect.ts';
export { migrateDown, migrateToLatest, migrationStatus } from './db/migrator.ts';
export { sessionsRepository } from './db/repositories/sessions.repository.ts';
export { usersRepository } from './db/repositories/users.repository.ts';
export { type DemoResult, loadDemo } from './demo/load-demo.ts';
export {
  BackupError,
  backupKindOf,
  backupSqlite,
  dumpPostgres,
  restorePostgres,
  restoreSqlite,
} from './ops/backup.ts';
export { dataDigest, handleDigest, sqliteFileDigest } from './ops/data-digest.ts';
export { type RunningServer, startServer } from './server.ts';
export { recordAudit } from './services/audit.service.ts';
export { createPasswordReset, createUser } from './services/auth.service.ts';
