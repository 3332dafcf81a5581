package org.tanchang.grid.platform.sms;

/** A provider of text messages. Each provider (a carrier's or a cloud SMS API) is one implementation. */
public interface SmsGateway {

    /**
     * Hands one text to the provider; throws if it did not accept it.
     *
     * @param reference the delivery id, so the provider can drop a retried duplicate
     */
    void send(String mobile, String text, String reference) throws Exception;
}
