package fr.aed.station.app.domain;

/**
 * The input of one enrollment: the dossier received from the certificate authority and what the
 * officer recorded at the meeting.
 */
public record Enrollment(Dossier dossier, MeetingRecord meeting) {}
