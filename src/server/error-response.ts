/** Marks a response as a refusal made by errorResponse, with its code (read by the metrics). */
const REFUSAL = Symbol('refusal');

/**
 * A refusal answered before yoga parses anything (wrong path, host, media type, credentials or
 * rate): the body has the shape of a GraphQL error response, so clients read every refusal the
 * same way, by `errors[0].extensions.code`.
 */
export function errorResponse(
  fetchAPI: { Response: typeof Response },
  status: number,
  message: string,
  extensions: { code: string; [key: string]: unknown },
  headers: Record<string, string> = {},
): Response {
  const response = new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
  return Object.assign(response, { [REFUSAL]: extensions.code });
}

/** The code of a refusal made by errorResponse; undefined for any other response. */
export function refusalCodeOf(response: Response): string | undefined {
  return (response as Response & { [REFUSAL]?: string })[REFUSAL];
}
