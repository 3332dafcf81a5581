/**
 * Authenticated encryption of stored values on Google Tink keysets ({@link org.tanchang.grid.platform.crypto.KeysetCipher}):
 * one implementation for the services' personal data and the auth server's stored signing keys.
 */
package org.tanchang.grid.platform.crypto;
