import { findStep, runStep, type PersonResult, type ProcedureId, type RuleProfile, type StepInput } from '../rules';

/**
 * GAP (II.2(1)): the step counts the people in planning who still meet ELIG, but gives as people only
 * the external candidates. To name those in planning who no longer meet the standards (beside the
 * roster and on the report, never silently dropped), the same step judges them as its list: the
 * rulebook's own ELIG, with the step's clause. Empty for any other step.
 */
export function inPlanningResults(procedure: ProcedureId, step: number, input: StepInput, profile: RuleProfile): PersonResult[] {
  if (findStep(procedure, step)?.kind !== 'gap' || !input.roster) return [];
  const inPlanning = input.roster.filter((p) => p.inPlanning);
  if (!inPlanning.length) return [];
  return runStep(procedure, step, { ...input, profile, candidates: inPlanning, consultations: [] }).people;
}
