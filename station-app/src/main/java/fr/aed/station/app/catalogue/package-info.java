/**
 * The document catalogue: the identity documents the certificate authority accepts, each with its
 * issuer, validity rules, reference description and security features, as data the authority can
 * replace; and the random draw of the features the officer examines.
 */
package fr.aed.station.app.catalogue;
