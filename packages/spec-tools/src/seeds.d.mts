export interface SeedError {
  status: number;
  code: number;
  message: string;
  advice: string;
}
export interface Seed {
  file: string;
  /** The page's address (its front matter's source_url). */
  source: string | undefined;
  method: string;
  path: string;
  errors: SeedError[];
  rateLimit: { per_minute?: number; per_second?: number } | undefined;
  scopes: string[];
  readableProse: boolean;
}
export function seedsDir(): string | undefined;
export function parseSeed(text: string, file: string): Seed;
export function loadSeeds(dir?: string): Seed[];
