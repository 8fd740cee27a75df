/** An error with an HTTP status; the app turns it into a JSON `{ error, problems? }` response. */
export class HttpError extends Error {
  readonly status: number;
  readonly problems: readonly unknown[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    options: { problems?: readonly unknown[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.problems = options.problems;
    this.headers = options.headers ?? {};
  }
}
