import type { Assessment, AspectReview, SoftwareDecisionCreate } from '@forvalta/contracts';

type ReviewInput = NonNullable<SoftwareDecisionCreate['review']>;
type Review = { stability: AspectReview; security: AspectReview; futureProofing: AspectReview };

const blank: AspectReview = { assessment: null, evidence: null };

/** The review's columns from an input, over what was recorded before (an aspect left out stays as it was). */
export function reviewColumns(
  input: ReviewInput | undefined,
  before: Review = { stability: blank, security: blank, futureProofing: blank },
) {
  const merged = (aspect: keyof Review) => {
    const given = input?.[aspect];
    return {
      assessment: (given?.assessment !== undefined ? given.assessment : before[aspect].assessment) as Assessment | null,
      evidence: given?.evidence !== undefined ? given.evidence : before[aspect].evidence,
    };
  };
  const stability = merged('stability');
  const security = merged('security');
  const future = merged('futureProofing');
  return {
    stability_assessment: stability.assessment,
    stability_evidence: stability.evidence,
    security_assessment: security.assessment,
    security_evidence: security.evidence,
    future_assessment: future.assessment,
    future_evidence: future.evidence,
  };
}
