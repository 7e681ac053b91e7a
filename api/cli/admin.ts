/**
 * Administers the server's users from the command line (works while the server runs: SQLite WAL).
 *
 *   npm run admin -- create-user NAME --role viewer|planner|admin [--data-dir DIR]
 *   npm run admin -- list-users [--data-dir DIR]
 *   npm run admin -- delete-user NAME [--data-dir DIR]
 *
 * DIR defaults to DATA_DIR or ./.data, as for `npm start`. create-user prints the new user's bearer
 * token once; only its SHA-256 is stored.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStorage } from '../storage/openStorage.ts';
import { ROLES, type Role } from '../storage/userStore.ts';

const USAGE = 'usage: npm run admin -- create-user NAME --role viewer|planner|admin | list-users | delete-user NAME  [--data-dir DIR]';

const main = (argv: readonly string[]): number => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { role: { type: 'string' }, 'data-dir': { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, name] = parsed.positionals;
  const dataDir = resolve(parsed.values['data-dir'] ?? process.env['DATA_DIR'] ?? '.data');
  if (command === undefined || !['create-user', 'list-users', 'delete-user'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command !== 'list-users' && (name === undefined || !/^[A-Za-z0-9._@-]{1,64}$/.test(name))) {
    console.error(`NAME must be 1-64 letters, digits or . _ @ -, got "${name ?? ''}"\n${USAGE}`);
    return 2;
  }
  const role = parsed.values.role;
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

process.exitCode = main(process.argv.slice(2));
