// Creates the first admin (or any account) from the command line; no public path grants a role.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { userRoles } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import { emailSchema, newPasswordSchema } from '@/lib/auth/password-policy';
import { runCli } from './lib/cli';

const usage =
  'usage: npm run user:create -- --email you@example.org --password "a long passphrase" --role admin [--name "Your Name"]';

const argsSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  role: z.enum(userRoles, { error: `must be one of ${userRoles.join(', ')}` }),
  name: z.string().trim().min(1).max(200).optional(),
});

runCli('user:create', async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', default: 'member' },
      name: { type: 'string' },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `--${String(issue.path[0])}: ${issue.message}`,
    );
    console.error(`user:create: ${problems.join('; ')}\n${usage}`);
    process.exit(2);
  }
  const connection = openConnection({ max: 1 });
  try {
    await migrateDatabase(connection);
    const outcome = await upsertAccount(connection.db, parsed.data);
    console.log(
      outcome === 'created'
        ? `Created ${parsed.data.role} account ${parsed.data.email}.`
        : `Updated ${parsed.data.email}: role ${parsed.data.role}, new password, other sessions ended.`,
    );
  } finally {
    await connection.close();
  }
});
