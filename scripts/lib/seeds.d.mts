export interface SeedError { status: number; code: number; message: string; advice: string }
export interface Seed {
  file: string;
  method: string;
  path: string;
  errors: SeedError[];
  rateLimit: { per_minute?: number; per_second?: number } | undefined;
  scopes: string[];
  readableProse: boolean;
}
export function seedsDir(): string;
export function parseSeed(text: string, file: string): Seed;
export function loadSeeds(dir?: string): Seed[];
