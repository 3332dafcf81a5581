package org.tanchang.grid.auth.citizens;

/**
 * A provider of text messages: notification-service's port, with the same wire contract for its HTTP adapter
 * ({@link HttpSmsGateway}), so one provider account (or the local SMS sink) serves both.
 */
interface SmsGateway {

    /** Hands one text to the provider; throws if it did not accept it. */
    void send(String mobile, String text, String reference) throws Exception;
}
