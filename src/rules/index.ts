/** The rulebook (docs/RULES.md) as pure functions on plain data. Imports nothing else of the project. */
export * from './types';
export { exceeds, reaches, meets, leastMeeting, percentOf, competitionRanks } from './arithmetic';
export { CODES, diagnostic, diagnosticsOf, type DiagnosticCode } from './codes';
export { assessConference } from './conference';
export { ageOn, daysInMonth, periodEnd, isIsoDate, isPartialDate, wholeMonthsBetween } from './dates';
export { assessEligibility, ageFinding, criterionFinding, isYoung } from './eligibility';
export { checkConference, checkVotes } from './invariants';
export { foldText, normalizeName, nameKey, sameName, compareVietnamese, compareNames, splitName, sortKey, nameSortKey } from './names';
export { STEPS, findStep, runStep, shortlistOrder, consultationOf, type StepInput, type StepDefinition } from './procedures';
export {
  DEFAULT_PROFILE,
  loadProfile,
  compareProfiles,
  quotaFor,
  announceKey,
  type RuleProfile,
  type Criterion,
  type ThresholdSetting,
  type ProfileIssue,
  type ProfileDifference,
} from './profile';
export { retirement, retirementAgeMonthsInYear, type RetirementSchedule } from './retirement';
export { selectByQuota } from './selection';
export { thresholdFinding } from './thresholds';
