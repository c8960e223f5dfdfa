/**
 * ccsim's public API, for scripts that embed the simulator instead of calling the CLI.
 *
 *   const loaded = parseScenario(yamlText, 'my.yaml');
 *   const results = await replicate(loaded.config, { replications: 10, seed: 1, workers: 2 });
 *   const summary = summarize(loaded.scenario.name, 1, loaded.config, results);
 *
 *   // Policies on common random numbers, paired differences and Bonferroni verdicts:
 *   const runner = createRunner(2, 40);
 *   const comparison = await compare(loaded.policies, { scenario: 'x', seed: 1, replications: 10 }, runner);
 *   await runner.close();
 *
 *   // The staffing best by the scenario's optimize block (what `ccsim optimize` wires up):
 *   // runOptimization({ objective, decisions: decisionsOf(spec.vary), constraints, … , runner })
 */
export { parseScenario, deriveScenario, type LoadedScenario, type Policy } from './scenario/load.js';
export { ScenarioError, formatDiagnostic, type Diagnostic } from './scenario/errors.js';
export { scenarioJsonSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { applyOverrides } from './scenario/overrides.js';
export { toModelConfig } from './scenario/normalize.js';
export type { ModelConfig } from './model/config.js';
export { simulateReplication } from './model/contact-center.js';
export type { ReplicationResult } from './model/result.js';
export { replicate, replicateRange, type RunOptions } from './experiment/replicate.js';
export { createRunner, inlineRunner, poolRunner, type Runner } from './experiment/pool.js';
export { compare, analyze, nextReplications, FigureNotReported, type Comparison, type CompareOptions, type PolicyComparison, type PolicyConfig, type PolicyVerdict, type AutoReplications, type VarianceReduction } from './experiment/compare.js';
export { pairedDifference, bonferroniLevel, welchHalfWidth, type PairedDifference } from './experiment/paired.js';
export { DIRECTION, VERDICT_FIGURES, verdictOf, type Direction, type Verdict } from './experiment/verdict.js';
export { parseVary, checkAxes, gridPoints, parseShard, shardIndices, GridError, type Axis, type GridPoint, type Shard } from './experiment/grid.js';
export { defineSweep, runPoints, bestPoints, type SweepDefinition, type SweepPoint, type PointResult, type BestPoint } from './experiment/sweep.js';
export { estimate, type Estimate } from './experiment/estimate.js';
export { summarize, type Summary } from './experiment/summary.js';
export { summaryJson } from './output/summary.js';
export { comparisonJson, comparisonCsv, comparisonTable, COMPARISON_CSV_HEADER } from './output/comparison.js';
export { verdictsJson, parseVerdicts, verdictChanges, VerdictFileError, type StoredVerdicts } from './output/verdicts.js';
export { sweepResult, type SweepResult } from './experiment/sweep.js';
export { sweepJson, sweepCsv, shardJson, mergeShards, MergeError } from './output/sweep.js';
export { erlang, erlangB, erlangC, agentsForServiceLevel, agentsForAbandonRate, type ErlangResult } from './analytic/erlang.js';
export { optimalStaffing, staffingCost, type StaffingCost, type StaffingCostInput } from './analytic/staffing-cost.js';
export { halfinWhittDelay, optimalSafetyFactor, squareRootStaffing, type SquareRootStaffing } from './analytic/square-root.js';
export { intervalRequirement, type IntervalRequirement, type IntervalRequirementInput } from './analytic/requirement.js';
export { xlsxBytes, estimateColumns, estimateCells, type SheetTable, type SheetColumn, type CellValue } from './output/xlsx.js';
export { coverShifts, shiftCoverLp, workedIntervals, type CandidateShift, type ShiftCoverInput, type ShiftCoverResult } from './experiment/shift-cover.js';
export { parseConstraint, parseConstraints, checkReported, judge, feasibility, ConstraintError, type Constraint, type ConstraintStatus, type Feasibility } from './experiment/constraint.js';
export { isDecision } from './experiment/decisions.js';
export { runOptimization, type RunInput, type RunOutcome } from './experiment/optimize-run.js';
export { optimize, figureRow, OBJECTIVES, type Objective, type OptimizeOptions, type OptimizeOutcome, type Evaluator } from './experiment/optimize.js';
export { decisionsOf, linkShiftStarts, rangeValues, setOf, neighbours, totalAgents, type Decision } from './experiment/optimize-space.js';
export { analyticStart, pilotOverrides, type StartPlan } from './experiment/optimize-start.js';
export { selectBest, knH2, type SelectionOptions, type SelectionResult } from './experiment/selection.js';
export { optimizeJson, optimizeCsv, optimizeTable, type OptimizeResult } from './output/optimize.js';
export { comparisonXlsx, sweepXlsx, optimizeXlsx } from './output/spreadsheets.js';
