import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, type PasswordOwner } from './password-policy.js';

const owner: PasswordOwner = { email: 'rosalind.franklin@example.com', username: 'fernfriend' };

/** The refusal's `field` and message, or null when the password is accepted. */
function refusal(password: string, who: PasswordOwner = owner) {
  try {
    checkPasswordPolicy(password, 'input.password', who);
    return null;
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
    return { code: extensions.code, field: extensions.field, message };
  }
}

describe('checkPasswordPolicy', () => {
  it.each([
    ['        ', /only spaces/],
    ['\t \n  \u00a0 \t', /only spaces/],
    ['password1', /too common or too easy to guess \(This is a commonly used password\)/],
    ['Passw0rd', /too common or too easy to guess \(This is similar to a commonly used password\)/],
    ['qwertyuiop', /too common or too easy to guess/],
    ['sunflower2024', /too common or too easy to guess/],
    ['onlyletters', /too common or too easy to guess/],
    ['12345678', /too common or too easy to guess/],
    ['short1', /at least 8 characters/],
    ['🌱🌱🌱🌱', /at least 8 characters/],
    ['x'.repeat(257), /at most 256 characters/],
  ])('refuses %j, saying why', (password, reason) => {
    const refused = refusal(password);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(refused?.message).toMatch(reason);
  });

  it("refuses a password that contains the email's local part, whatever its case", () => {
    expect(refusal('my-Rosalind.Franklin-garden')?.message).toMatch(/must not contain your email address/);
    // A local part under 3 characters is too common a substring to forbid.
    expect(refusal('al-fiddle-leaf-9', { email: 'al@example.com' })).toBeNull();
  });

  it('names the field it was given', () => {
    expect(() => checkPasswordPolicy('password1', 'newPassword', owner)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'newPassword' }) }),
    );
  });

  it.each([
    'correct horse battery staple',
    'monstera-42',
    'green-thumb-1',
    'xk7#pL9q',
    'Фикус у окна, третий',
    'a sunny windowsill for 7 ferns',
  ])('accepts %j: no composition rules, only guessability', (password) => {
    expect(refusal(password)).toBeNull();
  });
});
