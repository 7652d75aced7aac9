/**
 * The certificate the certificate authority sends back: reading the file it comes in ({@link
 * fr.aed.station.crypto.certificate.CertificateFiles}) and checking it against what the station
 * recorded before it is written on the holder's card ({@link
 * fr.aed.station.crypto.certificate.IssuedCertificateCheck}).
 */
package fr.aed.station.crypto.certificate;
