/**
 * Administers the server's data from the command line: users, backups, restores, checks.
 *
 *   npm run admin -- create-user NAME --role viewer|planner|admin [--data-dir DIR]
 *   npm run admin -- list-users [--data-dir DIR]
 *   npm run admin -- delete-user NAME [--data-dir DIR]
 *   npm run admin -- backup FILE [--force] [--data-dir DIR]
 *   npm run admin -- restore FILE [--data-dir DIR]
 *   npm run admin -- check [--data-dir DIR]
 *
 * DIR defaults to DATA_DIR or ./.data, as for `npm start`. Users, backup and check work while the
 * server runs (SQLite WAL); restore refuses while a server has the database open. create-user
 * prints the new user's bearer token once; only its SHA-256 is stored. A refused database or
 * backup is reported as one plain paragraph, exit code 1; a wrong command line, exit code 2.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../storage/backupDatabase.ts';
import { databaseContents, describeContents } from '../storage/databaseContents.ts';
import { checkStorage, DATABASE_FILE } from '../storage/openDatabase.ts';
import { openStorage } from '../storage/openStorage.ts';
import { restoreDatabase } from '../storage/restoreDatabase.ts';
import { StorageProblem } from '../storage/StorageProblem.ts';
import { ROLES, type Role } from '../storage/userStore.ts';

const USAGE = `usage: npm run admin -- COMMAND [--data-dir DIR]

  create-user NAME --role viewer|planner|admin   add a user; prints their bearer token once
  list-users                                     the users and their roles
  delete-user NAME                               remove a user; their token stops working
  backup FILE [--force]                          copy the database to FILE while the server runs, check the copy
                                                 and say what it holds (--force replaces an existing FILE)
  restore FILE                                   put the backup FILE in place of the database (stop the server
                                                 first); the current database is kept aside, renamed with the time
  check                                          run the start-up checks on the database: ok, or what is wrong

  --data-dir DIR   the server's data directory (default: DATA_DIR, or ./.data)
  --help           this text`;

const COMMANDS = ['create-user', 'list-users', 'delete-user', 'backup', 'restore', 'check'];

const users = (command: string, name: string | undefined, role: string | undefined, dataDir: string): number => {
  if (command !== 'list-users' && (name === undefined || !/^[A-Za-z0-9._@-]{1,64}$/.test(name))) {
    console.error(`NAME must be 1-64 letters, digits or . _ @ -, got "${name ?? ''}"\n${USAGE}`);
    return 2;
  }
  if (command === 'create-user' && (role === undefined || !ROLES.includes(role as Role))) {
    console.error(`--role must be one of ${ROLES.join(', ')}, got "${role ?? ''}"\n${USAGE}`);
    return 2;
  }
  const storage = openStorage(dataDir);
  try {
    if (command === 'list-users') {
      for (const u of storage.users.list()) console.log(`${u.name}\t${u.role}\t${u.createdAt}`);
      return 0;
    }
    if (command === 'delete-user') {
      if (!storage.users.remove(name as string, 'admin-cli')) {
        console.error(`no user named ${name}`);
        return 1;
      }
      console.log(`deleted ${name}; their token no longer works`);
      return 0;
    }
    const made = storage.users.create(name as string, role as Role, 'admin-cli');
    if (made === undefined) {
      console.error(`a user named ${name} exists already`);
      return 1;
    }
    console.log(`created ${made.user.name} (${made.user.role}) in ${dataDir}`);
    console.log('token (shown once; send it as "Authorization: Bearer TOKEN"):');
    console.log(made.token);
    return 0;
  } finally {
    storage.close();
  }
};

const storageCommand = async (command: string, file: string | undefined, force: boolean, dataDir: string): Promise<number> => {
  if (command !== 'check' && file === undefined) {
    console.error(`${command} needs a FILE\n${USAGE}`);
    return 2;
  }
  if (command === 'backup') {
    const made = await backupDatabase(dataDir, file as string, force);
    console.log(`backed up ${join(dataDir, DATABASE_FILE)} to ${made.file} (${made.bytes.toLocaleString('en-US')} bytes): quick_check ok, ${describeContents(made.contents)}`);
    return 0;
  }
  if (command === 'restore') {
    const done = restoreDatabase(dataDir, file as string);
    console.log(`restored ${resolve(file as string)} into ${done.file}: quick_check ok, ${describeContents(done.contents)}`);
    console.log(done.aside === undefined ? 'there was no database before it' : `the database that was there is kept as ${done.aside} (with its -wal, if it had one)`);
    return 0;
  }
  if (checkStorage(dataDir) === undefined) {
    console.error(`${dataDir} holds no database (${DATABASE_FILE}) yet; the server creates it on its first start.`);
    return 1;
  }
  console.log(`ok: ${join(dataDir, DATABASE_FILE)}: quick_check ok, the write-ahead log intact, ${describeContents(databaseContents(join(dataDir, DATABASE_FILE)))}`);
  return 0;
};

const main = async (argv: readonly string[]): Promise<number> => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { role: { type: 'string' }, 'data-dir': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const [command, operand] = parsed.positionals;
  const dataDir = resolve(parsed.values['data-dir'] ?? process.env['DATA_DIR'] ?? '.data');
  if (command === undefined || !COMMANDS.includes(command)) {
    console.error(USAGE);
    return 2;
  }
  try {
    return command.endsWith('-user') || command === 'list-users'
      ? users(command, operand, parsed.values.role, dataDir)
      : await storageCommand(command, operand, parsed.values.force === true, dataDir);
  } catch (error) {
    if (!(error instanceof StorageProblem)) throw error;
    console.error(error.message);
    return 1;
  }
};

process.exitCode = await main(process.argv.slice(2));
