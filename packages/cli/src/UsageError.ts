/** Bad input from the user (arguments, template, values): exit code 2, message only, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
