export function createSpecValidator(spec: unknown): {
  errorsAt(parts: (string | number)[], value: unknown): unknown[];
};
