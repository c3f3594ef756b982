import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Each outside system has one module that talks to it; these rules keep it so.
const stripe = { paths: [{ name: 'stripe', message: 'Only lib/payments/ talks to Stripe.' }] };
const mail = { paths: [{ name: 'nodemailer', message: 'Only lib/email/ sends e-mail.' }] };
const database = {
  paths: [
    { name: 'drizzle-orm', message: 'Only lib/ and db/ talk to the database.' },
    { name: 'postgres', message: 'Only db/ opens database connections.' },
    { name: '@electric-sql/pglite', message: 'Only db/ opens database connections.' },
  ],
  patterns: [
    { group: ['@/db', '@/db/*', 'drizzle-orm/*'], message: 'Read data through lib/, never db/.' },
  ],
};

function restrict(...groups) {
  return [
    'error',
    {
      paths: groups.flatMap((group) => group.paths ?? []),
      patterns: groups.flatMap((group) => group.patterns ?? []),
    },
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { rules: { 'no-restricted-imports': restrict(stripe, mail) } },
  { files: ['lib/payments/**'], rules: { 'no-restricted-imports': restrict(mail) } },
  // Tests stand in for Stripe (a fake of its API, signed webhook payloads), so they use its SDK.
  { files: ['tests/**', 'scripts/**'], rules: { 'no-restricted-imports': restrict(mail) } },
  { files: ['lib/email/**'], rules: { 'no-restricted-imports': restrict(stripe) } },
  {
    files: ['app/**', 'components/**'],
    rules: { 'no-restricted-imports': restrict(stripe, mail, database) },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'screenshots/**',
    'dist/**',
    'db/migrations/**',
    'next-env.d.ts',
  ]),
]);
