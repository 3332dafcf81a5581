/**
 * Personal data (issue #3, item 4): validation of resident identity and mobile numbers, masking for responses,
 * field encryption at rest (AES-256-GCM, key id stored for rotation) and a keyed hash for exact-match search.
 *
 * <p>Services use the {@link org.tanchang.grid.platform.personaldata.PersonalData} facade: {@code protect} when
 * storing, the stored {@code masked} form in ordinary responses, {@code reveal} only where the caller's role may see
 * the value (and the caller audits that read), and {@code searchHash} to find a document by an exact value.
 */
package org.tanchang.grid.platform.personaldata;
