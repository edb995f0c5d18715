import argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended floor (m = 19 MiB, t = 2, p = 1). Raise, never lower:
 * a stored hash carries its own parameters, so old hashes keep verifying after a change.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password.normalize('NFC'), OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifies against a throw-away hash, so that an unknown username costs the same time as a
 * wrong password and the two cannot be told apart by timing.
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-' + Math.random());
  await verifyPassword(await dummy, password);
}

/** Usernames match case- and whitespace-insensitively: `IO.PS1 ` is io.ps1. */
export const normaliseUsername = (u: string): string => u.normalize('NFC').trim().toLowerCase();
