/** Exhaustiveness guard for `switch` statements over unions: a new member becomes a type error. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
