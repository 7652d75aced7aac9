/**
 * Text from outside the station (a dossier, a card, a file name) made fit to show on a terminal or
 * in a window: no character in it can move the cursor, retitle the terminal, reorder the line or
 * start a new one. Depends on nothing but the JDK, so the command line and the window both use it.
 */
package fr.aed.station.app.text;
