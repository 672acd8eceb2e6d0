/** Random draws (随机摇号): the public surface of casebinder-draw/1. Spec: resources/docs/draw-algorithm.md. */
export * from './draw-types';
export * from './draw-record';
export { createDrbg, hexOf, seedCommitment, seedFromHex, type Drbg } from './drbg';
export {
  POPULATION_CSV_HEADER,
  canonicalLine,
  comparePopulation,
  digestPopulation,
  formatPopulationCsv,
  isStratumKey,
  parsePopulationCsv,
  sortPopulation,
  stratumOf,
  type PopulationCsvResult,
  type PopulationDigest,
} from './population';
export { drawTargets, ratioFor, sampleSize, selectedLine } from './sampling';
export { assignmentLine, digestAssignments, matchInspectors, poolReason } from './matching';
export { REPLAY_CHECKS, replayDraw, type ReplayCheck, type ReplayCheckResult, type ReplayResult } from './replay';
