import fs from 'node:fs';
import { createServices, systemActor, systemClock } from '@forvalta/server';
import { municipalityCodeSchema } from '@forvalta/contracts';
import { z } from 'zod';
import { parseOptions, printHelp, requireOption, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const initHelp = `forvalta init --municipality NAME --code CODE --admin-email EMAIL [--admin-password-file FILE] [--add-administrator] [--database URL]

Creates the municipality (identified by its four-digit kommunkod; Tanum is 1435) and its first
administrator. Only this command creates municipalities (ADR 0009). A code that already exists
is refused, naming the municipality and its administrators; --add-administrator adds EMAIL as
one more administrator of it instead. The password of a new login is read from
--admin-password-file, or generated and printed once.`;

export async function init(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    municipality: { type: 'string' },
    code: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password-file': { type: 'string' },
    'add-administrator': { type: 'boolean' },
  });
  if (options.help) return printHelp(initHelp);
  const name = requireOption(options.municipality, 'municipality').trim();
  const code = requireOption(options.code, 'code');
  if (!municipalityCodeSchema.safeParse(code).success)
    throw new UsageError(`--code must be a four-digit municipality code (kommunkod), not "${code}"`);
  const email = requireOption(options['admin-email'], 'admin-email').toLowerCase();
  if (!z.email().safeParse(email).success) throw new UsageError(`--admin-email is not an e-mail address: "${email}"`);
  let password: string | undefined;
  if (options['admin-password-file']) {
    try {
      password = fs.readFileSync(options['admin-password-file'], 'utf8').trim();
    } catch {
      throw new UsageError(`cannot read --admin-password-file ${options['admin-password-file']}`);
    }
    if (password.length < 12) throw new UsageError('the admin password must be at least 12 characters');
  }

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const services = createServices(database.db, systemClock, config);
    const result = await services.municipalities.initialiseMunicipality(systemActor('cli init'), {
      code,
      name,
      adminEmail: email,
      adminPassword: password,
      addAdministrator: options['add-administrator'] ?? false,
    });
    if (result.existed) {
      console.log(
        `Municipality ${result.municipality.name} (${result.municipality.code}) already existed; its administrators were: ${result.existingAdministrators.join(', ') || 'none'}.`,
      );
      console.log(`${email} is now one of its administrators.`);
    } else {
      console.log(`Municipality ${result.municipality.name} (${result.municipality.code}) is ready; ${email} is its administrator.`);
    }
    if (result.generatedPassword) console.log(`Password for ${email} (shown once): ${result.generatedPassword}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
