export { diffSpecs, LEVELS, RULES } from './diff/index.mjs';
export { loadSpec, specPath } from './load.mjs';
export { loadSeeds, parseSeed, seedsDir } from './seeds.mjs';
export { createSpecValidator } from './validator.mjs';
export { errorExamples, HTTP_METHODS, oneAtATime, operationById, operations, requestSchema } from './walk.mjs';
