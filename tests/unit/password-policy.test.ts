import { describe, expect, it } from 'vitest';
import { emailSchema, isCommonPassword, newPasswordSchema } from '@/lib/auth/password-policy';

describe('new password policy', () => {
  it.each(['correct horse battery staple', 'Tr0ub4dor&3 is long', 'ünïcödé pässwörd 🌊'])(
    'accepts a long uncommon password: %j',
    (password) => {
      expect(newPasswordSchema.safeParse(password).success).toBe(true);
    },
  );

  it('asks for at least 12 characters and no composition rules', () => {
    const result = newPasswordSchema.safeParse('short');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Use at least 12 characters.');
    expect(newPasswordSchema.safeParse('alllowercaseletters').success).toBe(true);
  });

  it.each(['passwordpassword', '123456789012', 'qwertyuiopasdfghjkl', 'PasswordPassword'])(
    'refuses the common password %j',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
      expect(newPasswordSchema.safeParse(password).error!.issues[0]!.message).toContain(
        'too common',
      );
    },
  );

  it('bounds the length so one request cannot cause unbounded hashing work', () => {
    expect(newPasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
});

describe('e-mail addresses', () => {
  it('are trimmed and lower-cased', () => {
    expect(emailSchema.parse('  Helen.Orvik@Example.ORG ')).toBe('helen.orvik@example.org');
  });

  it.each(['', 'no-at-sign', 'a@', '@b.org', `${'x'.repeat(250)}@example.org`])(
    'reject %j',
    (email) => {
      expect(emailSchema.safeParse(email).success).toBe(false);
    },
  );
});
