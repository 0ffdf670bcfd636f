// The engine reads the spec from disk only when none is given; the page always gives it one.
export function readFileSync(path) {
  throw new Error(`try-it: no file system in the browser (asked for ${path}); pass createEmulator({ spec })`);
}
