/**
 * A client of the certificate authority's CMP interface (RFC 4210, lightweight profile of RFC
 * 9483): sends the holder's PKCS#10 request ({@code p10cr}), polls for a certificate the authority
 * issues later, and confirms the certificate the holder accepted. Every answer is checked for its
 * protection, transaction and nonce before it is read.
 */
package fr.aed.station.crypto.cmp;
