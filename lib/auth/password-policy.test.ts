import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

const person = { email: 'ivan.petrov@example.ru', name: 'Ivan Petrov' };

describe('passwordProblem', () => {
  it('refuses the commonest passwords, whatever their case', () => {
    for (const p of ['1234567890', 'QwertyUiop', 'password123', '1q2w3e4r5t', 'iloveyou123']) expect(passwordProblem(p), p).toBe('passwordTooCommon');
  });

  it('refuses one repeated character, too few characters and runs along the digits, the alphabet or a keyboard', () => {
    for (const p of ['aaaaaaaaaa', '1111111111111', 'abababababab', 'abcabcabcabc', '2345678901', '9876543210', 'abcdefghijk', 'zyxwvutsrqp', 'asdfghjkl;', 'йцукенгшщзх'])
      expect(passwordProblem(p), p).toBe('passwordTooSimple');
  });

  it("refuses the person's own e-mail, its local part and their name, in any case or spacing", () => {
    for (const p of ['ivan.petrov@example.ru', 'IVAN.PETROV@EXAMPLE.RU', 'ivan.petrov2024', 'my-petrov-password', 'IvanPetrov!!', 'ivan petrov 1990'])
      expect(passwordProblem(p, person), p).toBe('passwordPersonal');
  });

  it('accepts ordinary passphrases', () => {
    for (const p of ['correct-horse-battery', 'e2e-password-123', 'technopark-demo', 'Зелёный чай в 5 утра'])
      expect(passwordProblem(p, person), p).toBeNull();
  });
});
