/**
 * Thanks from citizens (锦旗, 感谢信) recorded against a matter of any service: the request, the stored entry with its
 * giver protected, the masked view and the event data, so each service adds only its endpoints and its workflow row.
 */
package org.tanchang.grid.platform.commendation;
