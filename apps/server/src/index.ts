export { ConfigError, type ConfigInput, loadConfig, type ServerConfig } from './config.ts';
export { connectDatabase, type DbHandle } from './db/connect.ts';
export { migrateDown, migrateToLatest, migrationStatus } from './db/migrator.ts';
export { type RunningServer, startServer } from './server.ts';
