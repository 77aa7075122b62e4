/** What an attestation is about, as its audit entries name it. */
export type AttestationSubject = { frameworkId: string; controlId: string; clusterId: string };

export const subjectOf = (a: AttestationSubject): AttestationSubject => ({
  frameworkId: a.frameworkId,
  controlId: a.controlId,
  clusterId: a.clusterId,
});
