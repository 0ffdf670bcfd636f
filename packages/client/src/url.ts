// A named call's URL, built the way openapi-fetch's default serializers build it for the values the input
// checks let through (strings): each path parameter and query value percent-encoded, undefined query
// values left out. Named calls do not need openapi-fetch itself, so apps that never use the raw client
// do not bundle it; a test holds the two to the same URLs.

// Each template split once: literal, parameter name, literal, ...
const templates = new Map<string, string[]>();

export function buildUrl(
  baseUrl: string,
  template: string,
  path: Record<string, unknown> | undefined,
  query: Record<string, unknown> | undefined,
): string {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{([^}]+)\}/);
    templates.set(template, parts);
  }
  let url = baseUrl;
  for (let i = 0; i < parts.length; i++)
    url += i % 2 === 0 ? parts[i] : encodeURIComponent(String(path?.[parts[i] as string]));
  let sep = '?';
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    url += `${sep}${name}=${encodeURIComponent(String(value))}`;
    sep = '&';
  }
  return url;
}
