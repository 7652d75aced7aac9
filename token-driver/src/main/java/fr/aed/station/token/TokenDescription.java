package fr.aed.station.token;

/**
 * What identifies a token in the record of a meeting.
 *
 * @param backend how the station reaches it, such as {@code PIV over PC/SC}
 * @param model the model name, as identified
 * @param serial the token's serial number or unique identifier, as hex or text
 * @param reader the reader or module slot it sits in
 */
public record TokenDescription(String backend, String model, String serial, String reader) {}
