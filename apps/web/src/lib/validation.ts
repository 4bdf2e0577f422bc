import { EmailSchema, PasswordSchema } from '@essaim/contracts';

/** Client-side checks mirroring the API contract, so mistakes show before a round trip. */
export type FieldProblem = 'required' | 'email' | 'passwordLength' | 'passwordMax';

export function checkEmail(value: string): FieldProblem | null {
  if (!value.trim()) {
    return 'required';
  }
  return EmailSchema.safeParse(value).success ? null : 'email';
}

export function checkNewPassword(value: string): FieldProblem | null {
  if (!value) {
    return 'required';
  }
  if (PasswordSchema.safeParse(value).success) {
    return null;
  }
  return value.length > 200 ? 'passwordMax' : 'passwordLength';
}

export function checkRequired(value: string): FieldProblem | null {
  return value.trim() ? null : 'required';
}

export function hasProblems(problems: Record<string, FieldProblem | null>): boolean {
  return Object.values(problems).some((problem) => problem !== null);
}
