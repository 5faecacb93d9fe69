import { leastMeeting, meets } from './arithmetic';
import { diagnostic } from './codes';
import { checkConference } from './invariants';
import { announceKey, type RuleProfile } from './profile';
import type { ConferenceInput, ConferenceResult, Diagnostic, ProcedureId } from './types';

/**
 * QUORUM (Lưu ý 1): "Các hội nghị được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt."
 * Valid iff 3 × present ≥ 2 × convened. ANNOUNCE (Lưu ý 3): whether the counts are announced.
 */
export function assessConference(
  conference: ConferenceInput,
  profile: RuleProfile,
  procedure: ProcedureId,
  step: number,
): { result?: ConferenceResult; diagnostics: Diagnostic[] } {
  const diagnostics = checkConference(conference);
  if (diagnostics.length) return { diagnostics };
  const { convened, present } = conference;
  const { threshold, strict } = profile.quorum;
  const quorate = convened > 0 && meets(present, convened, threshold, strict);
  const required = Math.max(1, leastMeeting(convened, threshold, strict));
  const announced = profile.announce[announceKey(procedure, step)] ?? false;
  if (!quorate) {
    diagnostics.push(diagnostic('E-QUORUM', { convened, present, required, num: threshold.num, den: threshold.den }, conference.source?.present));
  }
  return { result: { convened, present, quorate, required, announced }, diagnostics };
}
