/** Password policy (SPEC §2.1): length, character classes, a blocklist of common passwords, no phone inside. */
export interface PasswordPolicy {
  minLength: number;
  /** How many of the 4 classes (lower, upper, digit, symbol) a password must use. */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

/**
 * Passwords that meet the class rules yet appear at the top of every leaked list, Chinese ones included
 * (keyboard walks, 拼音 + digits, 520/1314 love numbers). Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set(
  [
    'password1',
    'password123',
    'password@123',
    'p@ssw0rd',
    'p@ssword1',
    'passw0rd',
    'passw0rd!',
    'admin123',
    'admin@123',
    'admin1234',
    'admin12345',
    'administrator1',
    'qwerty123',
    'qwer1234',
    'qwe123!@#',
    'qweasd123',
    'qwerasdf1',
    '1qaz2wsx',
    '1qaz@wsx',
    '1qaz!qaz',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'zaq12wsx',
    'abc123456',
    'abcd1234',
    'abc@1234',
    'abcd@1234',
    'a1234567',
    'a12345678',
    'a123456789',
    'aa123456',
    'aa12345678',
    'aa123456789',
    'aaa123456',
    'asd123456',
    'asdf1234',
    'zxc123456',
    'zxcvbnm1',
    'woaini1314',
    'woaini520',
    'woaini123',
    'iloveyou1',
    'iloveyou520',
    '5201314a',
    'a5201314',
    'qq123456',
    'qq123456789',
    'wang123456',
    'li123456',
    'zhang123456',
    'liu123456',
    'chen123456',
    'huang123456',
    'welcome1',
    'welcome123',
    'welcome@1',
    'test1234',
    'test@123',
    'test123456',
    'root1234',
    'root@123',
    'changeme1',
    'letmein1',
    'sunshine1',
    'football1',
    'monkey123',
    'dragon123',
    'master123',
    'hello123',
    'hello@123',
    'china123',
    'china@123',
    'beijing123',
    'shanghai123',
    'qingdao123',
    'abc123!@#',
    'aa112233',
    'a11111111',
    'a00000000',
    'password!',
    'password@1',
    'qwerty@123',
    'qaz123456',
    'wsx123456',
    'Aa123456',
    'Aa123456789',
    'Aa111111',
    'Abc12345',
    'Abc123456',
    'Abcd1234',
    'Abc@1234',
    'Abc@123456',
    'Qwer1234',
    'Qwer@1234',
    'Admin@123',
    'Admin@1234',
    'Admin123!',
    'P@ssw0rd!',
    'P@ssw0rd1',
    'Password1!',
    'Passw0rd!',
    'Welcome@123',
    'Test@1234',
    'Huawei@123',
    'Huawei12#$',
    'Sinochem@123',
    'Qifu@123',
    'qifu123456',
    'Qifu123456',
  ].map((p) => p.toLowerCase()),
);

export interface PolicyViolation {
  code: 'too_short' | 'too_few_classes' | 'common' | 'contains_phone' | 'too_long';
  message: string;
}

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/\d/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

/** Every way the password breaks the policy, each with a Chinese message; empty means acceptable. */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  context: { phone?: string | null } = {},
): PolicyViolation[] {
  const v: PolicyViolation[] = [];
  if (password.length < policy.minLength)
    v.push({ code: 'too_short', message: `密码至少需要 ${policy.minLength} 位` });
  if (password.length > 128) v.push({ code: 'too_long', message: '密码不能超过 128 位' });
  if (characterClasses(password) < policy.minClasses) {
    v.push({
      code: 'too_few_classes',
      message: `密码需包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类`,
    });
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase()))
    v.push({ code: 'common', message: '该密码过于常见，容易被猜中' });
  if (context.phone && context.phone.length >= 7 && password.includes(context.phone.slice(-7))) {
    v.push({ code: 'contains_phone', message: '密码不能包含手机号' });
  }
  return v;
}
