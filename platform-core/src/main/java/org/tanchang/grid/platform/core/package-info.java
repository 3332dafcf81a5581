/**
 * The transport-neutral platform: what the services, the gateway and the auth server share. Nothing here may depend
 * on a servlet, a reactive web type or Kafka; those live in platform-web, the gateway and platform-messaging.
 */
package org.tanchang.grid.platform.core;
