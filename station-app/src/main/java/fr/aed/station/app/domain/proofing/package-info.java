/**
 * What the officer records to prove the holder's identity as ETSI TS 119 461 asks of a physical
 * document examined in the applicant's presence: the security features examined, the portrait
 * compared, the names read, the authority to represent the company and the holder's consent.
 */
package fr.aed.station.app.domain.proofing;
