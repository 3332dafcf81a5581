/**
 * Files of a matter (a patrol finding's photos, an incident's evidence, a lost item's pictures, a request's
 * materials): stored in MongoDB GridFS, typed by their bytes (never by name or header), limited per kind, JPEG
 * location metadata removed, read back only through the matter's own visibility. Events refer to a file by its id.
 */
package org.tanchang.grid.platform.files;
