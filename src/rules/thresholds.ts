import { meets } from './arithmetic';
import type { ThresholdSetting } from './profile';
import type { ConferenceResult, ThresholdFinding } from './types';

/**
 * The vote thresholds, all whole-number comparisons of agree votes against a base:
 * - N30  (I.2, II.1(1)): nominated iff 10 × agree > 3 × present.
 * - RM50 (II.1(1)):      proposed for removal iff 2 × removeAgree > convened.
 * - L50  (I.3, II.1(2)): passes iff 2 × agree > convened (base a profile setting).
 * - L50C (II.2(4)):      passes iff 2 × agree > convened.
 */
export function thresholdFinding(
  rule: ThresholdFinding['rule'],
  clause: string,
  agree: number,
  conference: Pick<ConferenceResult, 'convened' | 'present'>,
  setting: ThresholdSetting,
): ThresholdFinding {
  const base = setting.base === 'present' ? conference.present : conference.convened;
  return {
    rule,
    clause,
    numerator: agree,
    base,
    baseKind: setting.base,
    threshold: setting.threshold,
    strict: setting.strict,
    met: meets(agree, base, setting.threshold, setting.strict),
  };
}
