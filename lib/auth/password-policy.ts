/**
 * Passwords people guess first, refused at sign-up and when an admin or the CLI creates an account
 * (ASVS 2.1.7 and 2.1.9): a kept list of the commonest ones long enough to pass our 10-character
 * minimum, one character repeated, too few different characters, a run along the alphabet, the digits
 * or a keyboard row, and anything built on the person's own e-mail or name.
 */

/**
 * The most common leaked passwords of 10 or more characters (lower-case). A fuller list — a package
 * such as @zxcvbn-ts/language-common, whose `passwords` dictionary ranks 30,000 of them — can be added
 * to this set without changing the rule.
 */
const COMMON = new Set([
  '1234567890', '0987654321', '1111111111', '0000000000', '1234554321', '1122334455', '1212121212', '1q2w3e4r5t',
  '1q2w3e4r5t6y', 'q1w2e3r4t5', 'qwertyuiop', 'qwerty1234', 'qwerty12345', 'qwerty123456', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'password12', 'password123', 'password1234', 'password!1', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12', 'iloveyou123',
  'abcd123456', 'abc1234567', 'a123456789', '123456789a', '12345678910', '123123123123', '123qweasdzxc', 'qweasdzxc123',
  'administrator', 'admin12345', 'admin123456', 'welcome123', 'welcome1234', 'letmein123', 'football123', 'baseball123',
  'superman123', 'princess123', 'sunshine123', 'starwars123', 'whatever123', 'trustno1234', 'changeme123', 'qazwsxedcrfv',
  'йцукенгшщз', 'пароль12345', 'пароль123456', 'ytrewq123456', 'gfhjkm12345', 'gfhjkmgfhjkm', 'parolparol', 'qwertyqwerty',
]);

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'];

/** True when the whole password walks along one of RUNS, forwards or backwards, wrapping round (…7890123…). */
function isRun(password: string): boolean {
  return RUNS.some((run) => {
    const loop = run.repeat(Math.ceil(password.length / run.length) + 1);
    const back = [...loop].reverse().join('');
    return loop.includes(password) || back.includes(password);
  });
}

/** Words of the person's own: the e-mail, its local part, the name and each longer word of it. */
function ownWords({ email, name }: { email?: string | null; name?: string | null }): string[] {
  const words = new Set<string>();
  const mail = email?.trim().toLowerCase() ?? '';
  if (mail) {
    words.add(mail);
    const local = mail.split('@')[0];
    if (local.length >= 3) words.add(local);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 4) words.add(part);
  }
  const fullName = name?.trim().toLowerCase() ?? '';
  if (fullName.replace(/\s+/g, '').length >= 3) words.add(fullName.replace(/\s+/g, ''));
  for (const part of fullName.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 4) words.add(part);
  return [...words];
}

export type PasswordProblem = 'passwordTooCommon' | 'passwordTooSimple' | 'passwordPersonal';

/** Why this password is refused for this person, or null when it is fine. */
export function passwordProblem(password: string, person: { email?: string | null; name?: string | null } = {}): PasswordProblem | null {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return 'passwordTooCommon';
  const compact = p.replace(/[^\p{L}\p{N}]+/gu, '');
  if (new Set(p).size < 4 || isRun(p) || isRun(compact)) return 'passwordTooSimple';
  if (ownWords(person).some((word) => p.includes(word) || compact.includes(word.replace(/[^\p{L}\p{N}]+/gu, '')))) return 'passwordPersonal';
  return null;
}
